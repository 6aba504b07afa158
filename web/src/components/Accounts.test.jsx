import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import AuthPage from './AuthPage.jsx';
import AccountPage from './AccountPage.jsx';
import Header from './Header.jsx';
import MySubmissions from './MySubmissions.jsx';
import { getSession, resetSession } from '../lib/session.js';
import { getCsrfToken, setCsrfToken } from '../lib/api.js';
import { fakeServer, json } from '../testing/fakeServer.js';

const ADA = { id: 1, username: 'ada', admin: false, created_at: '2026-11-25T20:00:00Z' };
let srv;
beforeEach(() => {
  setCsrfToken(null);
  resetSession({ status: 'ready', user: null, error: null });
  window.location.hash = '#/login';
  srv = fakeServer({
    'POST /api/auth/login': () => json(200, { user: ADA, csrf_token: 'c1' }),
    'POST /api/auth/register': () => json(201, { user: ADA, csrf_token: 'c2' }),
  });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const fill = (label, value) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const submit = () => fireEvent.click(screen.getByTestId('auth-submit'));

describe('login and register', () => {
  it('logs in and goes back where the user was', async () => {
    render(<AuthPage mode="login" next="/problems/two-sum" />);
    fill('Username', 'ada');
    fill('Password', 'correct horse');
    submit();
    await waitFor(() => expect(window.location.hash).toBe('#/problems/two-sum'));
    expect(srv.calls[0].body).toEqual({ username: 'ada', password: 'correct horse' });
    expect(getSession().user.username).toBe('ada');
    expect(getCsrfToken()).toBe('c1');
  });

  it('wrong credentials: one clear message, the user stays', async () => {
    srv.routes['POST /api/auth/login'] = () => json(401, { error: { code: 'unauthorized', message: 'invalid username or password' } });
    render(<AuthPage mode="login" next="/" />);
    fill('Username', 'ada');
    fill('Password', 'nope');
    submit();
    expect((await screen.findByTestId('auth-error')).textContent).toBe('Wrong username or password.');
    expect(window.location.hash).toBe('#/login');
    expect(getSession().user).toBeNull();
  });

  it('throttled: says how long to wait, counts down and disables the button', async () => {
    srv.routes['POST /api/auth/login'] = () => json(429, { error: { code: 'rate_limited', message: 'too many' } }, { 'Retry-After': '3' });
    render(<AuthPage mode="login" next="/" />);
    fill('Username', 'ada');
    fill('Password', 'guess');
    vi.useFakeTimers({ shouldAdvanceTime: true });
    submit();
    expect((await screen.findByTestId('auth-error')).textContent).toBe('Too many attempts. Try again in 3 seconds.');
    expect(screen.getByTestId('auth-submit').disabled).toBe(true);
    act(() => vi.advanceTimersByTime(1000));
    expect(screen.getByTestId('auth-error').textContent).toBe('Too many attempts. Try again in 2 seconds.');
    act(() => vi.advanceTimersByTime(2000));
    expect(screen.getByTestId('auth-error').textContent).toBe('You can try again now.');
    expect(screen.getByTestId('auth-submit').disabled).toBe(false);
  });

  it('register: a taken name, and checks before asking the server', async () => {
    srv.routes['POST /api/auth/register'] = () => json(409, { error: { code: 'conflict', message: 'username taken' } });
    render(<AuthPage mode="register" next="/" />);
    fill('Username', 'a');
    fill('Password', 'long enough');
    fill('Password again', 'long enough');
    submit();
    expect((await screen.findByTestId('auth-error')).textContent).toMatch(/3 to 32/);
    fill('Username', 'ada');
    expect(screen.queryByTestId('auth-error')).toBeNull(); // typing clears it
    fill('Password again', 'different!');
    submit();
    expect(screen.getByTestId('auth-error').textContent).toBe('The two passwords differ.');
    fill('Password', 'short');
    fill('Password again', 'short');
    submit();
    expect(screen.getByTestId('auth-error').textContent).toMatch(/at least 8/);
    expect(srv.calls.length).toBe(0);
    fill('Password', 'long enough');
    fill('Password again', 'long enough');
    submit();
    await waitFor(() => expect(screen.getByTestId('auth-error').textContent).toBe('That username is taken. Pick another one.'));
    expect(srv.calls.length).toBe(1);
  });
});

describe('header', () => {
  it('anonymous: Log in and Register, with the way back', () => {
    window.location.hash = '#/problems/two-sum';
    render(<Header />);
    expect(screen.getByTestId('login-link').getAttribute('href')).toBe('#/login?next=%2Fproblems%2Ftwo-sum');
    expect(screen.getByTestId('register-link').getAttribute('href')).toBe('#/register?next=%2Fproblems%2Ftwo-sum');
    expect(screen.queryByTestId('admin-link')).toBeNull();
    expect(screen.queryByTestId('my-submissions-link')).toBeNull();
  });

  it('a user: name, My submissions and Log out (no Admin); log out ends the session', async () => {
    resetSession({ status: 'ready', user: ADA, error: null });
    setCsrfToken('c1');
    srv.routes['POST /api/auth/logout'] = () => json(204);
    render(<Header />);
    expect(screen.getByTestId('user-name').textContent).toBe('ada');
    expect(screen.getByTestId('my-submissions-link')).toBeTruthy();
    expect(screen.queryByTestId('admin-link')).toBeNull();
    fireEvent.click(screen.getByTestId('logout'));
    await screen.findByTestId('login-link');
    expect(srv.calls[0]).toMatchObject({ method: 'POST', path: '/api/auth/logout' });
    expect(srv.calls[0].headers['X-CSRF-Token']).toBe('c1');
    expect(getCsrfToken()).toBeNull();
  });

  it('an admin sees Admin', () => {
    resetSession({ status: 'ready', user: { ...ADA, admin: true }, error: null });
    render(<Header />);
    expect(screen.getByTestId('admin-link').getAttribute('href')).toBe('#/admin');
  });
});

describe('account page', () => {
  beforeEach(() => {
    resetSession({ status: 'ready', user: ADA, error: null });
    setCsrfToken('c1');
  });

  it('creates a token shown once, lists and revokes', async () => {
    let tokens = [{ id: 1, name: 'old', created_at: '2026-11-20T10:00:00Z', last_used_at: null }];
    srv.routes['GET /api/tokens'] = () => json(200, { tokens });
    srv.routes['POST /api/tokens'] = ({ body }) => {
      tokens = [...tokens, { id: 2, name: body.name, created_at: new Date().toISOString(), last_used_at: null }];
      return json(201, { id: 2, name: body.name, token: 'gvl_secret' });
    };
    srv.routes['DELETE /api/tokens/1'] = () => {
      tokens = tokens.filter((t) => t.id !== 1);
      return json(204);
    };
    render(<AccountPage />);
    expect((await screen.findAllByTestId('token-row')).length).toBe(1);
    fireEvent.change(screen.getByLabelText('Token name'), { target: { value: 'ci' } });
    fireEvent.click(screen.getByTestId('create-token'));
    expect((await screen.findByTestId('new-token-value')).textContent).toBe('gvl_secret');
    await waitFor(() => expect(screen.getAllByTestId('token-row').length).toBe(2));
    fireEvent.click(screen.getByLabelText('Revoke old'));
    await waitFor(() => expect(screen.getAllByTestId('token-row').map((r) => r.dataset.id)).toEqual(['2']));
    const del = srv.calls.find((c) => c.method === 'DELETE');
    expect(del.headers['X-CSRF-Token']).toBe('c1');
  });

  it('changes the password; a wrong old one is said so', async () => {
    srv.routes['GET /api/tokens'] = () => json(200, { tokens: [] });
    srv.routes['POST /api/auth/password'] = ({ body }) =>
      body.old_password === 'right-old' ? json(204) : json(403, { error: { code: 'forbidden', message: 'wrong password' } });
    render(<AccountPage />);
    fireEvent.change(screen.getByLabelText('Current password'), { target: { value: 'wrong-old' } });
    fireEvent.change(screen.getByLabelText('New password'), { target: { value: 'new-password-1' } });
    fireEvent.change(screen.getByLabelText('New password again'), { target: { value: 'new-password-1' } });
    fireEvent.click(screen.getByText('Change password', { selector: 'button' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The current password is wrong.');
    fireEvent.change(screen.getByLabelText('Current password'), { target: { value: 'right-old' } });
    fireEvent.click(screen.getByText('Change password', { selector: 'button' }));
    await screen.findByTestId('password-changed');
    expect(srv.calls.filter((c) => c.path === '/api/auth/password').at(-1).body).toEqual({ old_password: 'right-old', new_password: 'new-password-1' });
  });

  it('anonymous: a link to log in instead', () => {
    resetSession({ status: 'ready', user: null, error: null });
    render(<AccountPage />);
    expect(screen.getByTestId('need-login')).toBeTruthy();
    expect(srv.calls.length).toBe(0);
  });
});

describe('my submissions', () => {
  it('lists across problems, pages with next_before, rows open the problem with the submission', async () => {
    resetSession({ status: 'ready', user: ADA, error: null });
    const mk = (id, problem, verdict) => ({ id, problem, language: 'python3', status: 'done', verdict, cpu_ms: 5, memory_kb: 1000, created_at: new Date().toISOString() });
    srv.fetch.mockImplementation((url) => {
      const u = new URL(String(url), 'http://x');
      srv.calls.push({ method: 'GET', url: String(url), path: u.pathname, headers: {} });
      if (u.pathname === '/api/problems') return json(200, [{ slug: 'two-sum', title: 'Two Sum' }]);
      if (u.pathname === '/api/languages') return json(200, [{ id: 'python3', name: 'Python 3' }]);
      if (u.searchParams.get('before') === '8') return json(200, { submissions: [mk(3, 'coin-change', 'WA')], next_before: null });
      return json(200, { submissions: [mk(9, 'two-sum', 'AC'), mk(8, 'two-sum', 'TLE')], next_before: 8 });
    });
    render(<MySubmissions />);
    const rows = await screen.findAllByTestId('my-submission-row');
    expect(rows.map((r) => r.dataset.id)).toEqual(['9', '8']);
    await waitFor(() => expect(rows[0].textContent).toContain('Two Sum'));
    expect(rows[0].textContent).toContain('Accepted');
    expect(screen.getByLabelText('Open submission 9 of Two Sum').getAttribute('href')).toBe('#/problems/two-sum/submissions/9');
    fireEvent.click(screen.getByTestId('load-more'));
    await waitFor(() => expect(screen.getAllByTestId('my-submission-row').map((r) => r.dataset.id)).toEqual(['9', '8', '3']));
    expect(screen.queryByTestId('load-more')).toBeNull();
    const lists = srv.calls.filter((c) => c.path === '/api/submissions').map((c) => c.url);
    expect(lists).toEqual(['/api/submissions?limit=25', '/api/submissions?limit=25&before=8']);
  });
});
