import { useEffect, useMemo, useState, useCallback } from 'react';
import Header from './Header.jsx';
import { api } from '../lib/api.js';
import { useSession } from '../lib/session.js';
import { problemHref } from '../lib/router.js';
import { loadStatuses, mergeStatuses } from '../lib/storage.js';
import { formatAcceptance } from '../lib/verdicts.js';
import { Difficulty, ErrorMessage, input } from './ui.jsx';

const DIFFS = ['Easy', 'Medium', 'Hard'];

export function filterProblems(problems, { q = '', difficulty = '', tag = '' }) {
  const needle = q.trim().toLowerCase();
  return problems.filter(
    (p) =>
      (!needle || p.title.toLowerCase().includes(needle)) &&
      (!difficulty || p.difficulty === difficulty) &&
      (!tag || (p.tags || []).includes(tag)),
  );
}

export function StatusMark({ status }) {
  if (status === 'solved')
    return (
      <span title="Solved" aria-label="Solved" className="text-emerald-400">
        ✓
      </span>
    );
  if (status === 'attempted')
    return (
      <span title="Attempted" aria-label="Attempted" className="text-amber-400">
        ◐
      </span>
    );
  return <span aria-label="Not attempted" />;
}

export default function ProblemList() {
  const [problems, setProblems] = useState(null);
  const [error, setError] = useState(null);
  const [statuses, setStatuses] = useState(() => loadStatuses());
  const [q, setQ] = useState('');
  const [difficulty, setDifficulty] = useState('');
  const [tag, setTag] = useState('');

  const load = useCallback(() => {
    setError(null);
    const ctl = new AbortController();
    api
      .problems({}, { signal: ctl.signal })
      .then((list) => setProblems(Array.isArray(list) ? list : []))
      .catch((e) => e.name !== 'AbortError' && setError(e));
    return () => ctl.abort();
  }, []);

  // the logged-in user's history marks solved/attempted too (best effort)
  const { user } = useSession();
  const who = user ? user.username : null;
  useEffect(() => {
    setStatuses(loadStatuses());
    if (!who) return undefined;
    const ctl = new AbortController();
    (async () => {
      let before;
      for (let page = 0; page < 5; page++) {
        const r = await api.submissions({ limit: 100, before }, { signal: ctl.signal });
        setStatuses((s) => mergeStatuses(s, r && r.submissions));
        if (!r || r.next_before === null || r.next_before === undefined) break;
        before = r.next_before;
      }
    })().catch(() => {});
    return () => ctl.abort();
  }, [who]);

  useEffect(() => {
    document.title = 'Problems · Gavel';
    return load();
  }, [load]);

  const tags = useMemo(() => [...new Set((problems || []).flatMap((p) => p.tags || []))].sort(), [problems]);
  const shown = useMemo(() => filterProblems(problems || [], { q, difficulty, tag }), [problems, q, difficulty, tag]);
  const solved = (problems || []).filter((p) => statuses[p.slug] === 'solved').length;

  return (
    <>
      <Header />
      <main className="mx-auto w-full max-w-5xl flex-1 overflow-auto px-6 py-6">
        <div className="mb-4 flex items-baseline justify-between">
          <h1 className="text-xl font-semibold text-neutral-100">Problems</h1>
          {problems && (
            <p className="text-sm text-neutral-400">
              {solved} / {problems.length} solved
            </p>
          )}
        </div>
        <div className="mb-4 flex flex-wrap items-center gap-3" role="search">
          <label className="sr-only" htmlFor="search">Search by title</label>
          <input id="search" type="search" placeholder="Search by title" value={q} onChange={(e) => setQ(e.target.value)} className={`${input} w-64`} />
          <label className="sr-only" htmlFor="difficulty">Difficulty</label>
          <select id="difficulty" value={difficulty} onChange={(e) => setDifficulty(e.target.value)} className={input}>
            <option value="">All difficulties</option>
            {DIFFS.map((d) => (
              <option key={d} value={d}>{d}</option>
            ))}
          </select>
          <label className="sr-only" htmlFor="tag">Tag</label>
          <select id="tag" value={tag} onChange={(e) => setTag(e.target.value)} className={input}>
            <option value="">All tags</option>
            {tags.map((t) => (
              <option key={t} value={t}>{t}</option>
            ))}
          </select>
          {(q || difficulty || tag) && (
            <button type="button" className="text-sm text-neutral-400 underline hover:text-neutral-200" onClick={() => { setQ(''); setDifficulty(''); setTag(''); }}>
              Clear filters
            </button>
          )}
        </div>
        <ErrorMessage error={error} onRetry={load} className="mb-4" />
        {!problems && !error && <p className="text-sm text-neutral-400">Loading problems…</p>}
        {problems && (
          <table className="w-full table-fixed border-collapse text-sm" aria-label="Problems">
            <thead>
              <tr className="border-b border-neutral-800 text-left text-neutral-400">
                <th className="w-16 py-2 font-normal">Status</th>
                <th className="py-2 font-normal">Title</th>
                <th className="w-28 py-2 font-normal">Difficulty</th>
                <th className="w-[34%] py-2 font-normal">Tags</th>
                <th className="w-28 py-2 text-right font-normal">Acceptance</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((p, i) => (
                <tr key={p.slug} data-slug={p.slug} className={`border-b border-neutral-900 ${i % 2 ? 'bg-neutral-900/40' : ''} hover:bg-neutral-800/60`}>
                  <td className="py-2 pl-3"><StatusMark status={statuses[p.slug]} /></td>
                  <td className="truncate py-2 pr-2">
                    <a href={problemHref(p.slug)} className="text-neutral-100 hover:text-blue-400 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-500 rounded">
                      {p.title}
                    </a>
                    {p.hidden && <span className="ml-2 rounded-full bg-neutral-800 px-2 py-0.5 text-xs text-neutral-400" title="Only admins see this problem">hidden</span>}
                  </td>
                  <td className="py-2"><Difficulty value={p.difficulty} /></td>
                  <td className="py-2 pr-2">
                    <div className="flex flex-wrap gap-1">
                      {(p.tags || []).map((t) => (
                        <button key={t} type="button" onClick={() => setTag(t)} className="rounded-full bg-neutral-800 px-2 py-0.5 text-xs text-neutral-300 hover:bg-neutral-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-500">
                          {t}
                        </button>
                      ))}
                    </div>
                  </td>
                  <td className="py-2 pr-3 text-right tabular-nums text-neutral-300">{formatAcceptance(p)}</td>
                </tr>
              ))}
              {shown.length === 0 && (
                <tr>
                  <td colSpan={5} className="py-6 text-center text-neutral-400">No problem matches these filters.</td>
                </tr>
              )}
            </tbody>
          </table>
        )}
      </main>
    </>
  );
}
