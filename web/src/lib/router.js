// A tiny hash router. Hash URLs keep working when `gavel serve` serves
// dist/ from any path with relative assets.
//   #/                               problem list
//   #/problems/:slug[/submissions[/:id]]  a problem (an id loads that submission)
//   #/login?next=/path  #/register?next=/path  #/account  #/submissions
//   #/admin  #/admin/problems/new  #/admin/problems/:slug
import { useEffect, useState } from 'react';

export function parseRoute(hash) {
  const full = (hash || '').replace(/^#/, '') || '/';
  const qi = full.indexOf('?');
  const path = qi >= 0 ? full.slice(0, qi) : full;
  const query = new URLSearchParams(qi >= 0 ? full.slice(qi + 1) : '');
  let m = /^\/problems\/([^/?#]+)\/?(?:\/(submissions)(?:\/(\d+))?)?\/?$/.exec(path);
  if (m) {
    const r = { name: 'problem', slug: decodeURIComponent(m[1]), tab: m[2] || 'description' };
    if (m[3]) r.submission = Number(m[3]);
    return r;
  }
  if (path === '/' || path === '') return { name: 'list' };
  if (path === '/login' || path === '/register') return { name: path.slice(1), next: safeNext(query.get('next')) };
  if (path === '/account') return { name: 'account' };
  if (path === '/submissions') return { name: 'submissions' };
  if (path === '/admin' || path === '/admin/') return { name: 'admin' };
  if (path === '/admin/problems/new') return { name: 'admin-edit', slug: null };
  m = /^\/admin\/problems\/([^/?#]+)\/?$/.exec(path);
  if (m) return { name: 'admin-edit', slug: decodeURIComponent(m[1]) };
  return { name: 'notfound', path };
}

/** Only a path inside this app is a place to go back to after login. */
export function safeNext(next) {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//')) return '/';
  if (/^\/(login|register)\b/.test(next)) return '/';
  return next;
}

/** The current in-app path (with its query), for ?next= */
export const currentPath = () => (window.location.hash || '').replace(/^#/, '') || '/';

export const loginHref = (next = currentPath(), page = 'login') => `#/${page}?next=${encodeURIComponent(safeNext(next))}`;

export function go(path) {
  window.location.hash = path.startsWith('#') ? path : `#${path}`;
}

export function useRoute() {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}

export const problemHref = (slug) => `#/problems/${encodeURIComponent(slug)}`;
export const submissionHref = (slug, id) => `${problemHref(slug)}/submissions/${encodeURIComponent(id)}`;
export const adminEditHref = (slug) => `#/admin/problems/${encodeURIComponent(slug)}`;
