// Admin: every problem (hidden ones too), hide/show, rejudge, edit.
import { useCallback, useEffect, useState } from 'react';
import Header from './Header.jsx';
import { NeedLogin } from './AccountPage.jsx';
import { api } from '../lib/api.js';
import { adminEditHref, problemHref } from '../lib/router.js';
import { Difficulty, ErrorMessage, btnGhost, btnPrimary } from './ui.jsx';

function ProblemsTable() {
  const [problems, setProblems] = useState(null);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState({}); // slug -> true
  const [notes, setNotes] = useState({}); // slug -> text

  const load = useCallback(() => {
    setError(null);
    return api.admin
      .problems()
      .then((r) => setProblems((r && r.problems) || []))
      .catch(setError);
  }, []);
  useEffect(() => {
    load();
  }, [load]);

  const act = async (slug, fn) => {
    setBusy((b) => ({ ...b, [slug]: true }));
    setNotes((n) => ({ ...n, [slug]: null }));
    try {
      await fn();
    } catch (e) {
      setNotes((n) => ({ ...n, [slug]: { error: true, text: e.message } }));
    } finally {
      setBusy((b) => ({ ...b, [slug]: false }));
    }
  };
  const toggle = (p) =>
    act(p.slug, async () => {
      const r = await api.admin.setHidden(p.slug, !p.hidden);
      setProblems((list) => list.map((x) => (x.slug === p.slug ? { ...x, hidden: r.hidden } : x)));
      setNotes((n) => ({ ...n, [p.slug]: { text: r.hidden ? 'Hidden' : 'Published' } }));
    });
  const rejudge = (p) =>
    act(p.slug, async () => {
      const r = await api.admin.rejudge(p.slug);
      setNotes((n) => ({ ...n, [p.slug]: { text: `Queued ${r.queued} submission${r.queued === 1 ? '' : 's'} again` } }));
    });

  return (
    <main className="mx-auto w-full max-w-6xl flex-1 overflow-auto px-6 py-6" data-testid="admin-problems">
      <div className="mb-4 flex items-baseline justify-between">
        <h1 className="text-xl font-semibold text-neutral-100">Admin · Problems</h1>
        <a href="#/admin/problems/new" className={btnPrimary} data-testid="new-problem">+ New problem</a>
      </div>
      <ErrorMessage error={error} onRetry={load} className="mb-4" />
      {!problems && !error && <p className="text-sm text-neutral-400">Loading…</p>}
      {problems && (
        <table className="w-full table-fixed border-collapse text-sm" aria-label="All problems">
          <thead>
            <tr className="border-b border-neutral-800 text-left text-neutral-400">
              <th className="py-2 font-normal">Title</th>
              <th className="w-24 py-2 font-normal">Difficulty</th>
              <th className="w-24 py-2 font-normal">State</th>
              <th className="w-24 py-2 font-normal">Source</th>
              <th className="w-20 py-2 text-right font-normal">Subs</th>
              <th className="w-[22rem] py-2 text-right font-normal">Actions</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p, i) => (
              <tr key={p.slug} data-slug={p.slug} className={`border-b border-neutral-900 ${i % 2 ? 'bg-neutral-900/40' : ''}`}>
                <td className="truncate py-2 pr-2">
                  <a href={adminEditHref(p.slug)} className="rounded text-neutral-100 hover:text-blue-400 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-500">{p.title}</a>
                  <span className="ml-2 text-xs text-neutral-500">{p.slug}</span>
                  {notes[p.slug] && (
                    <div role={notes[p.slug].error ? 'alert' : 'status'} className={`truncate text-xs ${notes[p.slug].error ? 'text-rose-300' : 'text-emerald-300'}`} data-testid="row-note">
                      {notes[p.slug].text}
                    </div>
                  )}
                </td>
                <td className="py-2"><Difficulty value={p.difficulty} /></td>
                <td className="py-2" data-testid="state">
                  {p.hidden ? (
                    <span className="rounded-full bg-neutral-800 px-2 py-0.5 text-xs text-neutral-300">Hidden</span>
                  ) : (
                    <span className="rounded-full bg-emerald-950 px-2 py-0.5 text-xs text-emerald-300">Visible</span>
                  )}
                </td>
                <td className="py-2 text-xs text-neutral-400">{p.authored ? 'authored' : 'catalog'}</td>
                <td className="py-2 text-right tabular-nums text-neutral-300">{p.submissions ?? '—'}</td>
                <td className="py-2 text-right">
                  <div className="flex items-center justify-end gap-1">
                    <button type="button" disabled={busy[p.slug]} onClick={() => toggle(p)} className={btnGhost} data-testid="toggle-hidden">
                      {p.hidden ? 'Publish' : 'Hide'}
                    </button>
                    <button type="button" disabled={busy[p.slug]} onClick={() => rejudge(p)} className={btnGhost} data-testid="rejudge" title="Judge every finished submission again">
                      Rejudge
                    </button>
                    <a href={adminEditHref(p.slug)} className={btnGhost} title={p.authored ? 'Edit the definition' : 'Read it and run a reference solution (catalog problems are edited in git)'}>
                      {p.authored ? 'Edit' : 'Open'}
                    </a>
                    {!p.hidden && <a href={problemHref(p.slug)} className={btnGhost}>View</a>}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}

export default function AdminProblems() {
  useEffect(() => {
    document.title = 'Admin · Gavel';
  }, []);
  return (
    <>
      <Header />
      <NeedLogin admin>
        <ProblemsTable />
      </NeedLogin>
    </>
  );
}
