// The account: change the password, and API tokens for scripts
// (created and shown once, listed, revoked).
import { useCallback, useEffect, useState } from 'react';
import Header from './Header.jsx';
import { api, authErrorMessage } from '../lib/api.js';
import { useSession } from '../lib/session.js';
import { loginHref } from '../lib/router.js';
import { formatWhen } from '../lib/verdicts.js';
import { ErrorMessage, btnPrimary, btnSecondary, btnGhost, input } from './ui.jsx';

const byteLength = (s) => new TextEncoder().encode(s).length;

export function PasswordForm() {
  const [oldPw, setOld] = useState('');
  const [newPw, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const onSubmit = async (e) => {
    e.preventDefault();
    setDone(false);
    if (!oldPw) return setError('Enter your current password.');
    if (byteLength(newPw) < 8) return setError('A password has at least 8 characters.');
    if (byteLength(newPw) > 256) return setError('A password has at most 256 bytes.');
    if (newPw !== confirm) return setError('The two new passwords differ.');
    setBusy(true);
    setError(null);
    try {
      await api.changePassword(oldPw, newPw);
      setDone(true);
      setOld('');
      setNew('');
      setConfirm('');
    } catch (err) {
      setError(authErrorMessage(err, 'password'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={onSubmit} noValidate className="rounded-lg border border-neutral-800 bg-neutral-900 p-5" aria-labelledby="pw-title" data-testid="password-form">
      <h2 id="pw-title" className="font-semibold text-neutral-100">Change password</h2>
      <p className="mt-1 text-xs text-neutral-400">Your other sessions (other browsers) are logged out.</p>
      <div className="mt-3 grid grid-cols-3 gap-3">
        {[
          ['old-password', 'Current password', oldPw, setOld, 'current-password'],
          ['new-password', 'New password', newPw, setNew, 'new-password'],
          ['confirm-password', 'New password again', confirm, setConfirm, 'new-password'],
        ].map(([id, label, value, setter, ac]) => (
          <div key={id}>
            <label htmlFor={id} className="block text-sm text-neutral-300">{label}</label>
            <input id={id} type="password" autoComplete={ac} value={value} onChange={(e) => setter(e.target.value)} className={`${input} mt-1 w-full`} />
          </div>
        ))}
      </div>
      <ErrorMessage error={error} className="mt-3" />
      {done && <p role="status" className="mt-3 text-sm text-emerald-400" data-testid="password-changed">Password changed.</p>}
      <button type="submit" disabled={busy} className={`${btnPrimary} mt-4`}>Change password</button>
    </form>
  );
}

export function Tokens() {
  const [tokens, setTokens] = useState(null);
  const [error, setError] = useState(null);
  const [name, setName] = useState('');
  const [created, setCreated] = useState(null); // {name, token}: shown once
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState(false);

  const load = useCallback(() => {
    setError(null);
    return api
      .tokens()
      .then((r) => setTokens((r && r.tokens) || []))
      .catch(setError);
  }, []);
  useEffect(() => {
    load();
  }, [load]);

  const create = async (e) => {
    e.preventDefault();
    const n = name.trim();
    if (!n) return setError('Give the token a name, e.g. “laptop script”.');
    setBusy(true);
    setError(null);
    setCopied(false);
    try {
      const t = await api.createToken(n);
      setCreated(t);
      setName('');
      await load();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const revoke = async (t) => {
    setError(null);
    try {
      await api.deleteToken(t.id);
      if (created && created.id === t.id) setCreated(null);
      await load();
    } catch (err) {
      setError(err);
    }
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.token);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <section className="rounded-lg border border-neutral-800 bg-neutral-900 p-5" aria-labelledby="tokens-title" data-testid="tokens">
      <h2 id="tokens-title" className="font-semibold text-neutral-100">API tokens</h2>
      <p className="mt-1 text-xs text-neutral-400">
        For scripts: send <code className="text-neutral-300">Authorization: Bearer gvl_…</code>. A token acts as you until you revoke it.
      </p>
      <form onSubmit={create} className="mt-3 flex items-center gap-2">
        <label htmlFor="token-name" className="sr-only">Token name</label>
        <input id="token-name" placeholder="Name, e.g. laptop script" maxLength={64} value={name} onChange={(e) => setName(e.target.value)} className={`${input} w-72`} />
        <button type="submit" disabled={busy} className={btnSecondary} data-testid="create-token">Create token</button>
      </form>
      {created && (
        <div className="mt-3 rounded border border-emerald-900 bg-emerald-950/40 p-3 text-sm" data-testid="new-token">
          <p className="text-emerald-300">Token “{created.name}” created. Copy it now: it is not shown again.</p>
          <div className="mt-2 flex items-center gap-2">
            <code className="flex-1 select-all break-all rounded bg-neutral-950 px-2 py-1 font-mono text-neutral-100" data-testid="new-token-value">{created.token}</code>
            <button type="button" onClick={copy} className={btnGhost}>{copied ? 'Copied' : 'Copy'}</button>
            <button type="button" onClick={() => setCreated(null)} className={btnGhost}>Done</button>
          </div>
        </div>
      )}
      <ErrorMessage error={error} className="mt-3" />
      {!tokens && !error && <p className="mt-3 text-sm text-neutral-400">Loading…</p>}
      {tokens && tokens.length === 0 && <p className="mt-3 text-sm text-neutral-400">No tokens.</p>}
      {tokens && tokens.length > 0 && (
        <table className="mt-3 w-full table-fixed text-sm" aria-label="API tokens">
          <thead>
            <tr className="border-b border-neutral-800 text-left text-xs text-neutral-400">
              <th className="py-1.5 font-normal">Name</th>
              <th className="w-36 py-1.5 font-normal">Created</th>
              <th className="w-36 py-1.5 font-normal">Last used</th>
              <th className="w-24 py-1.5" />
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id} className="border-b border-neutral-900" data-testid="token-row" data-id={t.id}>
                <td className="truncate py-1.5 text-neutral-200">{t.name}</td>
                <td className="py-1.5 text-neutral-400" title={t.created_at}>{formatWhen(t.created_at)}</td>
                <td className="py-1.5 text-neutral-400" title={t.last_used_at || ''}>{t.last_used_at ? formatWhen(t.last_used_at) : 'never'}</td>
                <td className="py-1.5 text-right">
                  <button type="button" onClick={() => revoke(t)} className={`${btnGhost} text-rose-300`} aria-label={`Revoke ${t.name}`}>Revoke</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** A page for logged-in users only: otherwise a link to log in. */
export function NeedLogin({ children, admin = false }) {
  const { status, user } = useSession();
  if (status === 'loading') return <p className="p-6 text-sm text-neutral-400">Loading…</p>;
  if (!user) {
    return (
      <div className="p-6 text-sm text-neutral-300" data-testid="need-login">
        <a href={loginHref()} className="text-blue-400 underline">Log in</a> to see this page.
      </div>
    );
  }
  if (admin && !user.admin) return <p className="p-6 text-sm text-neutral-300" data-testid="need-admin">This page is for admins.</p>;
  return children;
}

export default function AccountPage() {
  const { user } = useSession();
  useEffect(() => {
    document.title = 'Account · Gavel';
  }, []);
  return (
    <>
      <Header />
      <NeedLogin>
        <main className="mx-auto w-full max-w-3xl flex-1 space-y-6 overflow-auto px-6 py-6">
          <div>
            <h1 className="text-xl font-semibold text-neutral-100">{user && user.username}</h1>
            <p className="text-sm text-neutral-400">
              {user && user.admin ? 'Admin · ' : ''}
              {user && user.created_at ? `member since ${new Date(user.created_at).toLocaleDateString()}` : ''}
            </p>
          </div>
          <PasswordForm />
          <Tokens />
        </main>
      </NeedLogin>
    </>
  );
}
