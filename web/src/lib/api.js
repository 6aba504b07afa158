// Thin client for the Gavel HTTP API (docs/api.md). Every failure becomes an
// ApiError with a human message, so callers can show it instead of crashing.
//
// Sessions: the server keeps the session in an HttpOnly cookie that fetch
// sends by itself. The CSRF token that login, register and GET /api/me
// return is kept here, in memory only (never in storage), and sent as
// X-CSRF-Token on every POST, PUT and DELETE -- this is the one place that
// does it.

export const API_BASE = '/api';

export class ApiError extends Error {
  constructor(message, { status = 0, code = 'network', retryAfter = null } = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.retryAfter = retryAfter; // seconds, from Retry-After on 429
  }
}

let csrfToken = null;
/** The CSRF token of the current session (null: none known). */
export const getCsrfToken = () => csrfToken;
export function setCsrfToken(t) {
  csrfToken = typeof t === 'string' && t ? t : null;
}

const MUTATING = new Set(['POST', 'PUT', 'DELETE', 'PATCH']);

// Told when a route answers 401 although we thought we had a session (it
// expired, or ended elsewhere); the login routes and /me are not counted.
let onUnauthorized = null;
export function setUnauthorizedHandler(fn) {
  onUnauthorized = fn;
}

function retryAfterSeconds(res) {
  const h = res.headers && res.headers.get ? res.headers.get('Retry-After') : null;
  if (!h) return null;
  const n = Number(h);
  if (Number.isFinite(n) && n >= 0) return Math.ceil(n);
  const when = Date.parse(h);
  return Number.isFinite(when) ? Math.max(0, Math.ceil((when - Date.now()) / 1000)) : null;
}

async function send(path, { method = 'GET', body, raw, contentType, signal }) {
  const headers = {};
  let payload;
  if (raw !== undefined) {
    payload = raw;
    headers['Content-Type'] = contentType || 'application/octet-stream';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['Content-Type'] = 'application/json';
  }
  if (MUTATING.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  try {
    return await fetch(API_BASE + path, {
      method,
      signal,
      credentials: 'same-origin',
      headers: Object.keys(headers).length ? headers : undefined,
      body: payload,
    });
  } catch (e) {
    if (e && e.name === 'AbortError') throw e;
    throw new ApiError('Cannot reach the Gavel server. Is `gavel serve` running?');
  }
}

async function request(path, opts = {}) {
  const method = opts.method || 'GET';
  let res = await send(path, opts);
  let data = null;
  let text = await res.text();
  // A stale CSRF token (the session changed in another tab): fetch the
  // current one and try once more.
  if (res.status === 403 && MUTATING.has(method) && !opts.noCsrfRetry && /"csrf"/.test(text)) {
    const fresh = await fetchCsrf();
    if (fresh) {
      res = await send(path, opts);
      text = await res.text();
    }
  }
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    if (res.status === 401 && onUnauthorized && !/^\/(auth\/|me$)/.test(path)) onUnauthorized();
    const err = data && data.error;
    const msg = err && err.message ? err.message : `The server answered ${res.status} ${res.statusText || ''}`.trim();
    throw new ApiError(msg, { status: res.status, code: (err && err.code) || 'http', retryAfter: retryAfterSeconds(res) });
  }
  if (res.status === 204 || (!text && opts.empty)) return null;
  if (data === null) throw new ApiError('The server sent an answer that is not JSON.', { status: res.status, code: 'bad_json' });
  // every answer that carries the session's CSRF token refreshes ours
  if (data && typeof data === 'object' && 'csrf_token' in data && 'user' in data) setCsrfToken(data.csrf_token);
  return data;
}

/** GET /api/me for its CSRF token; null when anonymous or unreachable. */
async function fetchCsrf() {
  try {
    const me = await request('/me', { noCsrfRetry: true });
    return me ? me.csrf_token : null;
  } catch {
    return null;
  }
}

const q = (params) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') s.set(k, v);
  const str = s.toString();
  return str ? `?${str}` : '';
};

const enc = encodeURIComponent;
const post = (path, body, opts) => request(path, { method: 'POST', body, ...opts });

export const api = {
  languages: (opts) => request('/languages', opts),
  problems: (params = {}, opts) => request('/problems' + q(params), opts),
  problem: (slug, opts) => request('/problems/' + enc(slug), opts),
  run: (body, opts) => post('/run', body, opts),
  submit: (body, opts) => post('/submissions', body, opts),
  submission: (id, opts) => request('/submissions/' + enc(id), opts),
  submissions: (params = {}, opts) => request('/submissions' + q(params), opts),
  eventsUrl: (id) => `${API_BASE}/submissions/${enc(id)}/events`,

  // accounts
  me: (opts) => request('/me', opts),
  login: (username, password, opts) => post('/auth/login', { username, password }, opts),
  register: (username, password, opts) => post('/auth/register', { username, password }, opts),
  logout: async (opts) => {
    try {
      return await post('/auth/logout', undefined, { empty: true, ...opts });
    } finally {
      setCsrfToken(null);
    }
  },
  changePassword: (oldPassword, newPassword, opts) =>
    post('/auth/password', { old_password: oldPassword, new_password: newPassword }, { empty: true, ...opts }),
  tokens: (opts) => request('/tokens', opts),
  createToken: (name, opts) => post('/tokens', { name }, opts),
  deleteToken: (id, opts) => request('/tokens/' + enc(id), { method: 'DELETE', empty: true, ...opts }),

  // admins
  admin: {
    problems: (opts) => request('/admin/problems', opts),
    problem: (slug, opts) => request('/admin/problems/' + enc(slug), opts),
    save: (slug, definition, opts) => request('/admin/problems/' + enc(slug), { method: 'PUT', body: definition, ...opts }),
    uploadPackage: (slug, blob, opts) =>
      request('/admin/problems/' + enc(slug) + '/package', { method: 'POST', raw: blob, contentType: 'application/zip', ...opts }),
    setHidden: (slug, hidden, opts) => post('/admin/problems/' + enc(slug) + '/visibility', { hidden }, opts),
    check: (slug, language, code, opts) => post('/admin/problems/' + enc(slug) + '/check', { language, code }, opts),
    rejudge: (slug, opts) => post('/admin/problems/' + enc(slug) + '/rejudge', undefined, opts),
  },
};

/** A message for people, for the answers of the account routes. */
export function authErrorMessage(e, action = 'login') {
  if (!e) return null;
  if (e.status === 429) {
    const s = e.retryAfter;
    return s ? `Too many attempts. Try again in ${s} second${s === 1 ? '' : 's'}.` : 'Too many attempts. Wait a moment and try again.';
  }
  if (action === 'login' && e.status === 401) return 'Wrong username or password.';
  if (action === 'login' && e.status === 403) return 'This account is disabled. Ask an admin.';
  if (action === 'register' && e.status === 409) return 'That username is taken. Pick another one.';
  if (action === 'register' && e.status === 403) return 'Registration is turned off on this server. Ask an admin for an account.';
  if (action === 'password' && e.status === 403) return 'The current password is wrong.';
  if (action === 'password' && e.status === 401) return 'Your session has ended: log in again.';
  return e.message || String(e);
}
