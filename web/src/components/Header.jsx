import { useState } from 'react';
import { useSession, logout } from '../lib/session.js';
import { go, loginHref, useRoute } from '../lib/router.js';

const linkBase = 'rounded text-sm hover:text-neutral-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-500';
const link = `${linkBase} text-neutral-400`;

function UserArea() {
  const { status, user } = useSession();
  const [busy, setBusy] = useState(false);
  if (status === 'loading') return <span className="w-20" aria-hidden="true" />;
  if (!user) {
    return (
      <div className="flex items-center gap-3 border-l border-neutral-800 pl-4" data-testid="user-area">
        <a href={loginHref()} className={link} data-testid="login-link">Log in</a>
        <a href={loginHref(undefined, 'register')} className="rounded bg-neutral-800 px-2.5 py-1 text-sm text-neutral-100 hover:bg-neutral-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-500" data-testid="register-link">
          Register
        </a>
      </div>
    );
  }
  const onLogout = async () => {
    setBusy(true);
    try {
      await logout();
    } catch {
      /* the session is forgotten here either way */
    } finally {
      setBusy(false);
    }
    go('/');
  };
  return (
    <div className="flex items-center gap-3 border-l border-neutral-800 pl-4" data-testid="user-area">
      <a href="#/account" className={`${linkBase} font-medium text-neutral-200`} title="Account: password and API tokens" data-testid="user-name">
        {user.username}
        {user.admin && <span className="ml-1.5 rounded bg-amber-900/60 px-1 py-px text-[10px] uppercase tracking-wide text-amber-300">admin</span>}
      </a>
      <button type="button" onClick={onLogout} disabled={busy} className={link} data-testid="logout">
        Log out
      </button>
    </div>
  );
}

// the page a header link leads to is marked as the current one
const here = (on) => (on ? { 'aria-current': 'page', className: `${linkBase} text-neutral-100` } : { className: link });

export default function Header({ children }) {
  const { user } = useSession();
  const route = useRoute().name;
  return (
    <header className="flex h-12 shrink-0 items-center gap-4 border-b border-neutral-800 bg-neutral-900 px-4">
      <a href="#/" className="flex items-center gap-2 font-semibold tracking-wide text-neutral-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-500 rounded">
        <span aria-hidden="true" className="text-amber-400">⚖</span> Gavel
      </a>
      <a href="#/" {...here(route === 'list')}>Problems</a>
      {user && <a href="#/submissions" {...here(route === 'submissions')} data-testid="my-submissions-link">My submissions</a>}
      {user && user.admin && <a href="#/admin" {...here(route === 'admin' || route === 'admin-edit')} data-testid="admin-link">Admin</a>}
      <div className="flex min-w-0 flex-1 items-center justify-end gap-2">{children}</div>
      <UserArea />
    </header>
  );
}
