// The problem statement: Markdown rendered by react-markdown, which
// escapes raw HTML (no rehype-raw), so a statement cannot inject markup.
import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { Difficulty } from './ui.jsx';

// Links: http(s), mailto and anchors only. Images: only files next to the
// app (relative paths), so a statement never makes the browser go online.
const safeUrl = (url, key) => {
  const u = String(url || '').trim();
  if (key === 'src') return /^[a-z][a-z0-9+.-]*:|^\/\//i.test(u) ? '' : u;
  return /^(https?:|mailto:|#)/i.test(u) ? u : '';
};

export function MarkdownText({ children }) {
  return (
    <div className="markdown">
      <Markdown remarkPlugins={[remarkGfm]} skipHtml={false} urlTransform={safeUrl}>
        {children || ''}
      </Markdown>
    </div>
  );
}

/** The statement without a leading "# Title" that repeats the title. */
export function stripTitle(md, title) {
  const m = /^\s*#\s+(.+?)\s*#*\s*(\n|$)/.exec(md || '');
  if (m && title && m[1].trim().toLowerCase() === String(title).trim().toLowerCase()) return md.slice(m[0].length);
  return md || '';
}

export default function Statement({ problem }) {
  const limits = problem.limits || {};
  return (
    <article className="px-5 py-4" aria-label="Problem statement">
      <h1 className="text-lg font-semibold text-neutral-100">{problem.title}</h1>
      <div className="mt-2 flex flex-wrap items-center gap-2 text-xs">
        <span className="rounded-full bg-neutral-800 px-2 py-0.5">
          <Difficulty value={problem.difficulty} />
        </span>
        {(problem.tags || []).map((t) => (
          <span key={t} className="rounded-full bg-neutral-800 px-2 py-0.5 text-neutral-300">{t}</span>
        ))}
        {(limits.time_ms || limits.memory_mb) && (
          <span className="ml-auto text-neutral-500">
            {limits.time_ms ? `${limits.time_ms} ms` : ''}
            {limits.time_ms && limits.memory_mb ? ' · ' : ''}
            {limits.memory_mb ? `${limits.memory_mb} MB` : ''}
          </span>
        )}
      </div>
      <div className="mt-4">
        <MarkdownText>{stripTitle(problem.statement, problem.title)}</MarkdownText>
      </div>
    </article>
  );
}
