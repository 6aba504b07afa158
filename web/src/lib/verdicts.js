// Verdict names, colours and number formatting shared by the result views.

export const VERDICTS = {
  AC: { name: 'Accepted', short: 'Accepted', tone: 'ok' },
  WA: { name: 'Wrong Answer', short: 'Wrong Answer', tone: 'bad' },
  TLE: { name: 'Time Limit Exceeded', short: 'TLE', tone: 'bad' },
  MLE: { name: 'Memory Limit Exceeded', short: 'MLE', tone: 'bad' },
  RE: { name: 'Runtime Error', short: 'Runtime Error', tone: 'bad' },
  CE: { name: 'Compilation Error', short: 'Compile Error', tone: 'bad' },
  OLE: { name: 'Output Limit Exceeded', short: 'OLE', tone: 'bad' },
  IE: { name: 'Internal Error', short: 'Internal Error', tone: 'warn' },
};

export function verdictName(v) {
  if (!v) return 'Pending';
  return (VERDICTS[v] && VERDICTS[v].name) || v;
}

export function verdictTone(v) {
  if (!v) return 'pending';
  return (VERDICTS[v] && VERDICTS[v].tone) || 'bad';
}

export const TONE_TEXT = {
  ok: 'text-emerald-400',
  bad: 'text-rose-400',
  warn: 'text-amber-400',
  pending: 'text-neutral-400',
};

export const DIFFICULTY_TEXT = {
  Easy: 'text-teal-400',
  Medium: 'text-amber-400',
  Hard: 'text-rose-500',
};

export function formatMs(ms) {
  if (ms === null || ms === undefined || Number.isNaN(Number(ms))) return '—';
  return `${Math.round(Number(ms))} ms`;
}

export function formatKb(kb) {
  if (kb === null || kb === undefined || Number.isNaN(Number(kb))) return '—';
  const n = Number(kb);
  if (n < 1024) return `${Math.round(n)} KB`;
  return `${(n / 1024).toFixed(1)} MB`;
}

export function formatPercent(p, digits = 1) {
  if (p === null || p === undefined || Number.isNaN(Number(p))) return '—';
  return `${Number(p).toFixed(digits)} %`;
}

/** acceptance is a fraction 0..1 in the API. */
export function formatAcceptance(problem) {
  if (!problem || !problem.submissions) return '—';
  const a = problem.acceptance ?? (problem.accepted || 0) / problem.submissions;
  return formatPercent(a * 100);
}

export function formatWhen(iso, now = Date.now()) {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return String(iso);
  const s = Math.round((now - t) / 1000);
  if (s < 45) return 'just now';
  if (s < 90) return '1 minute ago';
  const m = Math.round(s / 60);
  if (m < 60) return `${m} minutes ago`;
  const h = Math.round(m / 60);
  if (h < 24) return h === 1 ? '1 hour ago' : `${h} hours ago`;
  const d = Math.round(h / 24);
  if (d < 30) return d === 1 ? 'yesterday' : `${d} days ago`;
  return new Date(t).toISOString().slice(0, 10);
}
