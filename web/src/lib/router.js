// A tiny hash router: #/ and #/problems/:slug. Hash URLs keep working when
// `gavel serve` serves dist/ from any path with relative assets.
import { useEffect, useState } from 'react';

export function parseRoute(hash) {
  const path = (hash || '').replace(/^#/, '') || '/';
  const m = /^\/problems\/([^/?#]+)\/?(?:\/(submissions))?\/?$/.exec(path);
  if (m) return { name: 'problem', slug: decodeURIComponent(m[1]), tab: m[2] || 'description' };
  if (path === '/' || path === '') return { name: 'list' };
  return { name: 'notfound', path };
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
