// A fetch stand-in for component tests: routes by "METHOD /path" and
// records every call with its headers and parsed body.
import { vi } from 'vitest';

export function json(status, body, headers = {}) {
  return Promise.resolve(
    new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } }),
  );
}

export function fakeServer(routes = {}) {
  const calls = [];
  const fetch = vi.fn((url, opts = {}) => {
    const method = opts.method || 'GET';
    const path = String(url).split('?')[0];
    let body = opts.body;
    if (typeof body === 'string') {
      try {
        body = JSON.parse(body);
      } catch {
        /* raw */
      }
    }
    calls.push({ method, url: String(url), path, headers: opts.headers || {}, body });
    const h = routes[`${method} ${path}`];
    return h ? h({ ...opts, body }) : json(404, { error: { code: 'not_found', message: `no ${method} ${path}` } });
  });
  vi.stubGlobal('fetch', fetch);
  return { routes, calls, fetch };
}
