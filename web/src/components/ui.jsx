// Small shared pieces.
import { TONE_TEXT, verdictName, verdictTone, DIFFICULTY_TEXT } from '../lib/verdicts.js';

export function ErrorMessage({ error, onRetry, className = '' }) {
  if (!error) return null;
  const msg = typeof error === 'string' ? error : error.message || String(error);
  return (
    <div role="alert" className={`rounded border border-rose-900 bg-rose-950/50 px-3 py-2 text-sm text-rose-200 ${className}`}>
      <span>{msg}</span>
      {onRetry && (
        <button type="button" onClick={onRetry} className="ml-3 rounded px-2 py-0.5 text-rose-100 underline hover:bg-rose-900/60 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-500">
          Retry
        </button>
      )}
    </div>
  );
}

export function Verdict({ verdict, className = '' }) {
  return <span className={`${TONE_TEXT[verdictTone(verdict)]} ${className}`}>{verdictName(verdict)}</span>;
}

export function Difficulty({ value }) {
  return <span className={DIFFICULTY_TEXT[value] || 'text-neutral-300'}>{value}</span>;
}

export function Spinner({ className = '' }) {
  return (
    <span aria-hidden="true" className={`inline-block h-3.5 w-3.5 animate-spin rounded-full border-2 border-current border-t-transparent ${className}`} />
  );
}

export function Tabs({ tabs, active, onChange, label, right }) {
  // Roving arrow-key focus as WAI-ARIA tabs expect.
  const onKey = (e) => {
    const i = tabs.findIndex((t) => t.id === active);
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      e.preventDefault();
      const n = (i + (e.key === 'ArrowRight' ? 1 : -1) + tabs.length) % tabs.length;
      onChange(tabs[n].id);
      const el = e.currentTarget.querySelector(`[data-tab="${tabs[n].id}"]`);
      if (el) el.focus();
    }
  };
  return (
    <div className="flex h-9 shrink-0 items-center border-b border-neutral-800 bg-neutral-900 px-2">
      <div role="tablist" aria-label={label} className="flex gap-1" onKeyDown={onKey}>
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            data-tab={t.id}
            id={`tab-${t.id}`}
            aria-selected={t.id === active}
            aria-controls={`panel-${t.id}`}
            tabIndex={t.id === active ? 0 : -1}
            onClick={() => onChange(t.id)}
            className={`rounded px-2.5 py-1 text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-500 ${
              t.id === active ? 'bg-neutral-800 text-neutral-100' : 'text-neutral-400 hover:text-neutral-200'
            }`}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div className="ml-auto flex items-center gap-2">{right}</div>
    </div>
  );
}

export const btn =
  'inline-flex items-center justify-center gap-1.5 rounded px-3 py-1 text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-500 disabled:cursor-not-allowed disabled:opacity-50';
export const btnGhost = `${btn} text-neutral-300 hover:bg-neutral-800`;
export const btnPrimary = `${btn} bg-emerald-600 text-white hover:bg-emerald-500`;
export const btnSecondary = `${btn} bg-neutral-800 text-neutral-100 hover:bg-neutral-700`;
export const input =
  'rounded border border-neutral-700 bg-neutral-900 px-2 py-1 text-sm text-neutral-100 placeholder-neutral-500 focus:border-blue-500 focus:outline-none';
