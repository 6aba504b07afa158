import { Component, useEffect } from 'react';
import { useRoute } from './lib/router.js';
import { refreshSession, useSession } from './lib/session.js';
import ProblemList from './components/ProblemList.jsx';
import ProblemPage from './components/ProblemPage.jsx';
import Header from './components/Header.jsx';
import AuthPage from './components/AuthPage.jsx';
import AccountPage from './components/AccountPage.jsx';
import MySubmissions from './components/MySubmissions.jsx';
import AdminProblems from './components/AdminProblems.jsx';
import AdminEdit from './components/AdminEdit.jsx';

class ErrorBoundary extends Component {
  constructor(props) {
    super(props);
    this.state = { error: null };
  }
  static getDerivedStateFromError(error) {
    return { error };
  }
  componentDidUpdate(prev) {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }
  render() {
    if (this.state.error) {
      return (
        <div role="alert" className="m-6 rounded border border-rose-800 bg-rose-950/40 p-4 text-rose-200">
          <p className="font-semibold">Something went wrong while showing this page.</p>
          <p className="mt-1 text-sm">{String(this.state.error.message || this.state.error)}</p>
          <a className="mt-3 inline-block text-sm text-blue-400 underline" href="#/">Back to the problem list</a>
        </div>
      );
    }
    return this.props.children;
  }
}

export default function App() {
  const route = useRoute();
  const session = useSession();
  // a page starts over when the user changes (their drafts, their history)
  const who = session.user ? session.user.username : '';
  const key =
    route.name === 'problem' ? `p:${route.slug}:${route.submission || ''}:${who}` : route.name === 'admin-edit' ? `a:${route.slug || ''}` : route.name;
  // who is logged in (and the session's CSRF token), once on load
  useEffect(() => {
    refreshSession();
  }, []);
  return (
    <div className="flex h-full min-w-[1024px] flex-col">
      <ErrorBoundary resetKey={key}>
        {session.status === 'loading' && (
          <>
            <Header />
            <p className="p-6 text-sm text-neutral-400">Loading…</p>
          </>
        )}
        {session.status !== 'loading' && <Routes route={route} routeKey={key} />}
      </ErrorBoundary>
    </div>
  );
}

function Routes({ route, routeKey: key }) {
  return (
    <>
        {route.name === 'list' && <ProblemList />}
        {route.name === 'problem' && <ProblemPage key={key} slug={route.slug} initialTab={route.tab} loadId={route.submission || null} />}
        {(route.name === 'login' || route.name === 'register') && <AuthPage key={route.name} mode={route.name} next={route.next} />}
        {route.name === 'account' && <AccountPage />}
        {route.name === 'submissions' && <MySubmissions />}
        {route.name === 'admin' && <AdminProblems />}
        {route.name === 'admin-edit' && <AdminEdit key={key} slug={route.slug} />}
        {route.name === 'notfound' && (
          <>
            <Header />
            <div className="p-6">
              <p>There is no page at {route.path}.</p>
              <a className="text-blue-400 underline" href="#/">Back to the problem list</a>
            </div>
          </>
        )}
    </>
  );
}
