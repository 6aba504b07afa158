// "My submissions": the caller's history across problems, newest first,
// a page at a time. A row opens the problem with that submission loaded.
import { useEffect, useState } from 'react';
import Header from './Header.jsx';
import { NeedLogin } from './AccountPage.jsx';
import { api } from '../lib/api.js';
import { submissionHref } from '../lib/router.js';
import { ErrorMessage } from './ui.jsx';
import { LoadMore, SubmissionCells, VerdictOrStatus, usePagedSubmissions } from './Submissions.jsx';

const PAGE = 25;

function History() {
  const paged = usePagedSubmissions(undefined, PAGE);
  const { items, error, load } = paged;
  const [titles, setTitles] = useState({});
  const [langs, setLangs] = useState([]);

  useEffect(() => {
    // titles and language names: nice to have, the slug and id do otherwise
    api.problems().then((l) => setTitles(Object.fromEntries((Array.isArray(l) ? l : []).map((p) => [p.slug, p.title])))).catch(() => {});
    api.languages().then((l) => setLangs(Array.isArray(l) ? l : [])).catch(() => {});
  }, []);

  const langName = (l) => (langs.find((x) => x.id === l) || {}).name || l;
  return (
    <main className="mx-auto w-full max-w-5xl flex-1 overflow-auto px-6 py-6" data-testid="my-submissions">
      <h1 className="mb-4 text-xl font-semibold text-neutral-100">My submissions</h1>
      <ErrorMessage error={error} onRetry={() => load()} className="mb-3" />
      {!items && !error && <p className="text-sm text-neutral-400">Loading…</p>}
      {items && items.length === 0 && (
        <p className="text-sm text-neutral-400" data-testid="no-submissions">
          No submissions yet. <a href="#/" className="text-blue-400 underline">Pick a problem</a>.
        </p>
      )}
      {items && items.length > 0 && (
        <table className="w-full table-fixed text-sm" aria-label="My submissions">
          <thead>
            <tr className="border-b border-neutral-800 text-left text-xs text-neutral-400">
              <th className="w-16 py-2 font-normal">#</th>
              <th className="py-2 font-normal">Problem</th>
              <th className="w-44 py-2 font-normal">Verdict</th>
              <th className="w-24 py-2 font-normal">Language</th>
              <th className="w-20 py-2 font-normal">Runtime</th>
              <th className="w-20 py-2 font-normal">Memory</th>
              <th className="w-28 py-2 font-normal">When</th>
            </tr>
          </thead>
          <tbody>
            {items.map((s, i) => (
              <tr key={s.id} className={`border-b border-neutral-900 ${i % 2 ? 'bg-neutral-900/40' : ''} hover:bg-neutral-800/60`} data-testid="my-submission-row" data-id={s.id} data-problem={s.problem}>
                <td className="py-2 tabular-nums text-neutral-500">{s.id}</td>
                <td className="truncate py-2 pr-2">
                  <a href={submissionHref(s.problem, s.id)} className="rounded text-neutral-100 hover:text-blue-400 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-500" aria-label={`Open submission ${s.id} of ${titles[s.problem] || s.problem}`}>
                    {titles[s.problem] || s.problem}
                  </a>
                </td>
                <td className="py-2">
                  <VerdictOrStatus s={s} />
                </td>
                <SubmissionCells s={s} langName={langName} pad="py-2" />
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <LoadMore {...paged} />
    </main>
  );
}

export default function MySubmissions() {
  useEffect(() => {
    document.title = 'My submissions · Gavel';
  }, []);
  return (
    <>
      <Header />
      <NeedLogin>
        <History />
      </NeedLogin>
    </>
  );
}
