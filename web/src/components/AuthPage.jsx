// Log in and register: one form, two modes. Errors in words people use:
// wrong credentials, a taken name, throttling with the wait.
import { useEffect, useState } from 'react';
import Header from './Header.jsx';
import { authErrorMessage } from '../lib/api.js';
import { login, register, useSession } from '../lib/session.js';
import { go } from '../lib/router.js';
import { btnPrimary, input } from './ui.jsx';

export const USERNAME_RE = /^[A-Za-z0-9_.-]{3,32}$/;
const byteLength = (s) => new TextEncoder().encode(s).length;

/** Checks the server would make anyway, answered before a round trip. */
export function validateCredentials(mode, { username, password, confirm }) {
  if (!username) return 'Enter a username.';
  if (mode === 'register') {
    if (!USERNAME_RE.test(username)) return 'A username is 3 to 32 letters, digits, “_”, “.” or “-”.';
    if (byteLength(password) < 8) return 'A password has at least 8 characters.';
    if (byteLength(password) > 256) return 'A password has at most 256 bytes.';
    if (password !== confirm) return 'The two passwords differ.';
  } else if (!password) return 'Enter your password.';
  return null;
}

function useCountdown(seconds) {
  const [left, setLeft] = useState(seconds || 0);
  useEffect(() => {
    setLeft(seconds || 0);
    if (!seconds) return undefined;
    const t = setInterval(() => setLeft((s) => (s > 0 ? s - 1 : 0)), 1000);
    return () => clearInterval(t);
  }, [seconds]);
  return left;
}

export default function AuthPage({ mode = 'login', next = '/' }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState(null);
  const [wait, setWait] = useState(0); // a 429's Retry-After, counted down
  const [busy, setBusy] = useState(false);
  const left = useCountdown(wait);
  const { user } = useSession();
  const isRegister = mode === 'register';
  // typing clears an old message (not a throttle's countdown)
  const edit = (setter) => (e) => {
    setter(e.target.value);
    if (!(left > 0)) {
      setError(null);
      setWait(0);
    }
  };

  useEffect(() => {
    document.title = `${isRegister ? 'Register' : 'Log in'} · Gavel`;
  }, [isRegister]);

  const onSubmit = async (e) => {
    e.preventDefault();
    const bad = validateCredentials(mode, { username, password, confirm });
    if (bad) return setError(bad);
    setBusy(true);
    setError(null);
    try {
      await (isRegister ? register : login)(username, password);
      go(next || '/');
    } catch (err) {
      setError(authErrorMessage(err, mode));
      setWait(err.status === 429 && err.retryAfter ? err.retryAfter : 0);
      setBusy(false);
    }
  };

  const other = isRegister ? 'login' : 'register';
  const otherHref = `#/${other}?next=${encodeURIComponent(next || '/')}`;
  const throttled = left > 0;
  return (
    <>
      <Header />
      <main className="flex flex-1 items-start justify-center overflow-auto px-6 py-16">
        <form onSubmit={onSubmit} noValidate className="w-full max-w-sm rounded-lg border border-neutral-800 bg-neutral-900 p-6" aria-labelledby="auth-title" data-testid={`${mode}-form`}>
          <h1 id="auth-title" className="text-lg font-semibold text-neutral-100">
            {isRegister ? 'Create an account' : 'Log in to Gavel'}
          </h1>
          <p className="mt-1 text-sm text-neutral-400">
            {isRegister ? 'Run and submit code; your submissions stay yours.' : 'Run and submit code, and see your submissions.'}
          </p>
          <label className="mt-5 block text-sm text-neutral-300" htmlFor="username">Username</label>
          <input id="username" name="username" autoComplete="username" autoFocus value={username} onChange={edit(setUsername)} className={`${input} mt-1 w-full`} />
          <label className="mt-3 block text-sm text-neutral-300" htmlFor="password">Password</label>
          <input id="password" name="password" type="password" autoComplete={isRegister ? 'new-password' : 'current-password'} value={password} onChange={edit(setPassword)} className={`${input} mt-1 w-full`} />
          {user && (
            <p className="mt-3 text-sm text-neutral-300" data-testid="already">
              You are logged in as <span className="font-medium">{user.username}</span>.{' '}
              <a href={`#${next || '/'}`} className="text-blue-400 underline">Go back</a>, or {isRegister ? 'make another account' : 'log in as someone else'} below.
            </p>
          )}
          {isRegister && (
            <>
              <label className="mt-3 block text-sm text-neutral-300" htmlFor="confirm">Password again</label>
              <input id="confirm" name="confirm" type="password" autoComplete="new-password" value={confirm} onChange={edit(setConfirm)} className={`${input} mt-1 w-full`} />
            </>
          )}
          {error && (
            <div role="alert" data-testid="auth-error" className="mt-4 rounded border border-rose-900 bg-rose-950/50 px-3 py-2 text-sm text-rose-200">
              {throttled ? authErrorMessage({ status: 429, retryAfter: left }) : wait ? 'You can try again now.' : error}
            </div>
          )}
          <button type="submit" disabled={busy || throttled} className={`${btnPrimary} mt-5 w-full py-1.5`} data-testid="auth-submit">
            {busy ? 'One moment…' : isRegister ? 'Register' : 'Log in'}
          </button>
          <p className="mt-4 text-center text-sm text-neutral-400">
            {isRegister ? 'Have an account? ' : 'No account yet? '}
            <a href={otherHref} className="text-blue-400 underline hover:text-blue-300">{isRegister ? 'Log in' : 'Register'}</a>
          </p>
        </form>
      </main>
    </>
  );
}
