import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, authErrorMessage, getCsrfToken, setCsrfToken } from './api.js';
import { fakeServer, json } from '../testing/fakeServer.js';

const USER = { id: 1, username: 'ada', admin: false, created_at: '2026-11-25T20:00:00Z' };
let srv;
beforeEach(() => {
  setCsrfToken(null);
  srv = fakeServer({
    'POST /api/auth/login': () => json(200, { user: USER, csrf_token: 'tok-login' }),
    'GET /api/me': () => json(200, { user: USER, csrf_token: 'tok-me' }),
    'POST /api/run': () => json(200, { verdict: 'AC', cases: [] }),
    'PUT /api/admin/problems/x': () => json(200, { slug: 'x', hidden: true, tests: 0 }),
    'DELETE /api/tokens/3': () => json(204),
    'POST /api/auth/logout': () => json(204),
    'GET /api/problems': () => json(200, []),
  });
});
afterEach(() => vi.unstubAllGlobals());

const csrfOf = (c) => c.headers['X-CSRF-Token'];

describe('api: CSRF token', () => {
  it('login keeps the token in memory and every POST, PUT and DELETE sends it', async () => {
    await api.login('ada', 'secret-pw');
    expect(getCsrfToken()).toBe('tok-login');
    expect(JSON.stringify(window.localStorage)).not.toContain('tok-login');
    await api.run({ problem: 'two-sum' });
    await api.admin.save('x', { title: 'X' });
    await api.deleteToken(3);
    await api.problems();
    const by = (m, p) => srv.calls.find((c) => c.method === m && c.path === p);
    expect(csrfOf(by('POST', '/api/run'))).toBe('tok-login');
    expect(csrfOf(by('PUT', '/api/admin/problems/x'))).toBe('tok-login');
    expect(csrfOf(by('DELETE', '/api/tokens/3'))).toBe('tok-login');
    expect(csrfOf(by('GET', '/api/problems'))).toBeUndefined();
    // the login itself had none yet
    expect(csrfOf(by('POST', '/api/auth/login'))).toBeUndefined();
  });

  it('GET /api/me refreshes the token; logout forgets it', async () => {
    await api.me();
    expect(getCsrfToken()).toBe('tok-me');
    await api.logout();
    expect(srv.calls.at(-1).headers['X-CSRF-Token']).toBe('tok-me');
    expect(getCsrfToken()).toBeNull();
  });

  it('a 403 csrf answer fetches the current token and retries once', async () => {
    setCsrfToken('stale');
    let n = 0;
    srv.routes['POST /api/run'] = (opts) =>
      ++n === 1 || opts.headers['X-CSRF-Token'] !== 'tok-me'
        ? json(403, { error: { code: 'csrf', message: 'bad CSRF token' } })
        : json(200, { verdict: 'AC', cases: [] });
    const r = await api.run({ problem: 'two-sum' });
    expect(r.verdict).toBe('AC');
    expect(srv.calls.map((c) => `${c.method} ${c.path} ${csrfOf(c) || '-'}`)).toEqual([
      'POST /api/run stale',
      'GET /api/me -',
      'POST /api/run tok-me',
    ]);
  });

  it('a second csrf refusal is an error, not a loop', async () => {
    setCsrfToken('stale');
    srv.routes['POST /api/run'] = () => json(403, { error: { code: 'csrf', message: 'bad CSRF token' } });
    await expect(api.run({})).rejects.toMatchObject({ status: 403, code: 'csrf' });
    expect(srv.calls.length).toBe(3);
  });
});

describe('api: a session that ended', () => {
  it('a 401 from a route tells the handler; a wrong password at login does not', async () => {
    const { setUnauthorizedHandler } = await import('./api.js');
    const told = vi.fn();
    setUnauthorizedHandler(told);
    try {
      srv.routes['GET /api/tokens'] = () => json(401, { error: { code: 'unauthorized', message: 'log in' } });
      srv.routes['POST /api/auth/login'] = () => json(401, { error: { code: 'unauthorized', message: 'wrong' } });
      srv.routes['GET /api/me'] = () => json(401, { error: { code: 'unauthorized', message: 'log in' } });
      await expect(api.login('a', 'b')).rejects.toMatchObject({ status: 401 });
      await expect(api.me()).rejects.toMatchObject({ status: 401 });
      expect(told).not.toHaveBeenCalled();
      await expect(api.tokens()).rejects.toMatchObject({ status: 401 });
      expect(told).toHaveBeenCalledTimes(1);
    } finally {
      setUnauthorizedHandler(null);
    }
  });
});

describe('api: answers', () => {
  it('204 is fine, a 429 carries Retry-After in seconds', async () => {
    setCsrfToken('t');
    expect(await api.deleteToken(3)).toBeNull();
    srv.routes['POST /api/auth/login'] = () => json(429, { error: { code: 'rate_limited', message: 'slow down' } }, { 'Retry-After': '42' });
    const e = await api.login('ada', 'x').catch((x) => x);
    expect(e).toMatchObject({ status: 429, code: 'rate_limited', retryAfter: 42 });
    expect(authErrorMessage(e)).toBe('Too many attempts. Try again in 42 seconds.');
  });

  it('a zip upload is sent raw with its content type', async () => {
    setCsrfToken('t');
    srv.routes['POST /api/admin/problems/x/package'] = () => json(200, { slug: 'x', hidden: true, tests: 3 });
    const blob = new Blob([new Uint8Array([80, 75, 3, 4])], { type: 'application/zip' });
    await api.admin.uploadPackage('x', blob);
    const c = srv.calls.at(-1);
    expect(c.headers['Content-Type']).toBe('application/zip');
    expect(c.headers['X-CSRF-Token']).toBe('t');
    expect(c.body).toBe(blob);
  });

  it('messages for the account errors', () => {
    expect(authErrorMessage({ status: 401 }, 'login')).toBe('Wrong username or password.');
    expect(authErrorMessage({ status: 403 }, 'login')).toContain('disabled');
    expect(authErrorMessage({ status: 403 }, 'password')).toBe('The current password is wrong.');
    expect(authErrorMessage({ status: 409 }, 'register')).toContain('taken');
    expect(authErrorMessage({ status: 403 }, 'register')).toContain('turned off');
    expect(authErrorMessage({ status: 429, retryAfter: 1 })).toBe('Too many attempts. Try again in 1 second.');
    expect(authErrorMessage({ status: 429 })).toContain('Wait a moment');
  });
});
