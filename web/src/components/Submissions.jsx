// The user's history for one problem, and one submission opened.
import { useCallback, useEffect, useState } from 'react';
import { api } from '../lib/api.js';
import { useSession } from '../lib/session.js';
import { loginHref } from '../lib/router.js';
import { formatKb, formatMs, formatWhen } from '../lib/verdicts.js';
import { ErrorMessage, Verdict, btnGhost, btnSecondary } from './ui.jsx';
import { SubmissionVerdict } from './Results.jsx';

export function SubmissionDetail({ id, languages, onBack, onLoad }) {
  const [sub, setSub] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => {
    const ctl = new AbortController();
    api
      .submission(id, { signal: ctl.signal })
      .then(setSub)
      .catch((e) => e.name !== 'AbortError' && setError(e));
    return () => ctl.abort();
  }, [id]);
  const langName = (l) => (languages.find((x) => x.id === l) || {}).name || l;
  return (
    <div className="px-5 py-4" data-testid="submission-detail">
      <div className="flex items-center gap-2">
        <button type="button" onClick={onBack} className={btnGhost}>
          ← All submissions
        </button>
        <span className="text-sm text-neutral-400">Submission #{id}</span>
        {sub && (
          <button type="button" onClick={() => onLoad(sub)} className={`${btnSecondary} ml-auto`} data-testid="load-into-editor">
            Load into editor
          </button>
        )}
      </div>
      <ErrorMessage error={error} className="mt-3" />
      {!sub && !error && <p className="mt-3 text-sm text-neutral-400">Loading…</p>}
      {sub && (
        <>
          <div className="mt-4">
            {sub.status === 'done' ? (
              <SubmissionVerdict submission={sub} showCompileHint={false} />
            ) : (
              <p className="text-sm text-neutral-300">Still {sub.status}…</p>
            )}
          </div>
          <p className="mt-3 text-xs text-neutral-400">
            {langName(sub.language)} · {formatWhen(sub.created_at)}
          </p>
          <pre data-testid="submission-code" className="mt-2 max-h-[28rem] overflow-auto rounded bg-neutral-900 px-3 py-2 font-mono text-[13px] text-neutral-200">
            {sub.code}
          </pre>
        </>
      )}
    </div>
  );
}

export default function Submissions(props) {
  const { status, user } = useSession();
  if (status === 'loading') return <p className="px-5 py-4 text-sm text-neutral-400">Loading…</p>;
  if (!user) {
    return (
      <p className="px-5 py-4 text-sm text-neutral-300" data-testid="submissions-login">
        <a href={loginHref()} className="text-blue-400 underline">Log in</a> to submit and to see your submissions.
      </p>
    );
  }
  return <History key={user.username} {...props} />;
}

/** The caller's history (of one problem, or all), a page at a time. */
export function usePagedSubmissions(problem, limit, refreshKey) {
  const [items, setItems] = useState(null);
  const [next, setNext] = useState(null);
  const [error, setError] = useState(null);
  const [loadingMore, setLoadingMore] = useState(false);

  const load = useCallback(
    (before) => {
      setError(null);
      if (before) setLoadingMore(true);
      return api
        .submissions({ problem, limit, before })
        .then((r) => {
          const list = (r && r.submissions) || [];
          setItems((old) => (before ? [...(old || []), ...list] : list));
          setNext(r ? r.next_before : null);
        })
        .catch((e) => setError(e))
        .finally(() => setLoadingMore(false));
    },
    [problem, limit],
  );

  useEffect(() => {
    load();
  }, [load, refreshKey]);
  return { items, next, error, loadingMore, load };
}

/** Language, runtime, memory and when: the cells both history tables share. */
export function SubmissionCells({ s, langName, pad = 'py-1.5' }) {
  return (
    <>
      <td className={`${pad} text-neutral-300`}>{langName(s.language)}</td>
      <td className={`${pad} tabular-nums text-neutral-300`}>{s.verdict === 'AC' ? formatMs(s.cpu_ms) : '—'}</td>
      <td className={`${pad} tabular-nums text-neutral-300`}>{s.verdict === 'AC' ? formatKb(s.memory_kb) : '—'}</td>
      <td className={`${pad} text-neutral-400`} title={s.created_at}>{formatWhen(s.created_at)}</td>
    </>
  );
}

export const VerdictOrStatus = ({ s }) =>
  s.status === 'done' ? <Verdict verdict={s.verdict} className="font-medium" /> : <span className="text-neutral-400">{s.status}…</span>;

export function LoadMore({ items, next, loadingMore, load }) {
  if (next === null || next === undefined || !items || !items.length) return null;
  return (
    <button type="button" onClick={() => load(next)} disabled={loadingMore} className={`${btnGhost} mt-3`} data-testid="load-more">
      {loadingMore ? 'Loading…' : 'Load more'}
    </button>
  );
}

function History({ slug, languages, refreshKey, onLoad, openId, setOpenId }) {
  const paged = usePagedSubmissions(slug, 20, refreshKey);
  const { items, error, load } = paged;

  if (openId) {
    return <SubmissionDetail id={openId} languages={languages} onBack={() => setOpenId(null)} onLoad={onLoad} />;
  }
  const langName = (l) => (languages.find((x) => x.id === l) || {}).name || l;
  return (
    <div className="px-5 py-4" data-testid="submissions">
      <ErrorMessage error={error} onRetry={() => load()} className="mb-3" />
      {!items && !error && <p className="text-sm text-neutral-400">Loading…</p>}
      {items && items.length === 0 && <p className="text-sm text-neutral-400">No submissions yet.</p>}
      {items && items.length > 0 && (
        <table className="w-full table-fixed text-sm" aria-label="Submissions">
          <thead>
            <tr className="border-b border-neutral-800 text-left text-xs text-neutral-400">
              <th className="py-1.5 font-normal">Verdict</th>
              <th className="w-24 py-1.5 font-normal">Language</th>
              <th className="w-20 py-1.5 font-normal">Runtime</th>
              <th className="w-20 py-1.5 font-normal">Memory</th>
              <th className="w-28 py-1.5 font-normal">When</th>
            </tr>
          </thead>
          <tbody>
            {items.map((s) => (
              <tr key={s.id} className="cursor-pointer border-b border-neutral-900 hover:bg-neutral-800/50" data-testid="submission-row" data-id={s.id} onClick={() => setOpenId(s.id)}>
                <td className="py-1.5">
                  <button type="button" onClick={() => setOpenId(s.id)} className="rounded text-left focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-500" aria-label={`Open submission ${s.id}`}>
                    <VerdictOrStatus s={s} />
                  </button>
                </td>
                <SubmissionCells s={s} langName={langName} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <LoadMore {...paged} />
    </div>
  );
}
