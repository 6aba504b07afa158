// Rendering of a Run (per case) and of a Submission (progress, verdict).
import { useState } from 'react';
import { formatKb, formatMs, formatPercent, verdictName } from '../lib/verdicts.js';
import { progressFraction, progressLabel } from '../lib/progress.js';
import { Verdict, Spinner } from './ui.jsx';

function Block({ label, children, testid }) {
  return (
    <div className="mt-3">
      <div className="mb-1 text-xs text-neutral-400">{label}</div>
      <pre data-testid={testid} className="max-h-48 overflow-auto whitespace-pre-wrap break-all rounded bg-neutral-800/70 px-3 py-2 font-mono text-[13px] text-neutral-100">
        {children === '' ? ' ' : children}
      </pre>
    </div>
  );
}

export function CompileError({ output, hint = true }) {
  return (
    <div>
      <h3 className="text-lg font-semibold text-rose-400">Compilation Error</h3>
      {hint && <p className="mt-1 text-xs text-neutral-400">The error lines are marked in the editor.</p>}
      <pre data-testid="compile-output" className="mt-3 max-h-72 overflow-auto whitespace-pre-wrap break-all rounded bg-rose-950/40 px-3 py-2 font-mono text-[13px] text-rose-200">
        {output || '(the compiler gave no message)'}
      </pre>
    </div>
  );
}

const caseOk = (c) => c && c.verdict === 'AC';

function InputBlock({ input, params, testid = 'case-input' }) {
  const lines = String(input ?? '').replace(/\n+$/, '').split('\n');
  if (!params || params.length !== lines.length) return <Block label="Input" testid={testid}>{input}</Block>;
  return (
    <div data-testid={testid} data-input={input}>
      {params.map((name, k) => (
        <Block key={name} label={`${name} =`}>{lines[k]}</Block>
      ))}
    </div>
  );
}

export function RunResult({ result, running, params }) {
  const [sel, setSel] = useState(0);
  if (!result) {
    return (
      <p className="text-sm text-neutral-400">
        {running ? 'Running…' : 'Run your code (Ctrl+Enter) to see the results here.'}
      </p>
    );
  }
  if (result.verdict === 'CE') return <CompileError output={result.compile_output} />;
  const cases = result.cases || [];
  const i = Math.min(sel, Math.max(0, cases.length - 1));
  const c = cases[i];
  const runtime = Math.max(0, ...cases.filter(Boolean).map((x) => x.cpu_ms || 0));
  const judged = cases.filter((x) => x && x.expected !== null && x.expected !== undefined);
  const allOk = cases.every((x) => x && (x.verdict === 'AC'));
  return (
    <div data-testid="run-result">
      <div className="flex items-baseline gap-3">
        <h3 className="text-lg font-semibold" data-testid="run-verdict">
          <Verdict verdict={allOk ? 'AC' : result.verdict === 'AC' ? cases.find((x) => x && x.verdict !== 'AC')?.verdict || 'IE' : result.verdict} />
        </h3>
        <span className="text-xs text-neutral-400">Runtime: {formatMs(runtime)}</span>
        {judged.length > 0 && (
          <span className="text-xs text-neutral-400">
            {judged.filter(caseOk).length} / {judged.length} passed
          </span>
        )}
      </div>
      {result.message && !allOk && !cases.some((x) => x && x.message) && (
        <Block label="Message" testid="run-message">{result.message}</Block>
      )}
      <div className="mt-3 flex flex-wrap gap-2" role="tablist" aria-label="Cases">
        {cases.map((x, k) => (
          <button
            key={k}
            type="button"
            role="tab"
            aria-selected={k === i}
            data-testid={`case-tab-${k}`}
            data-pass={caseOk(x) ? 'true' : 'false'}
            onClick={() => setSel(k)}
            className={`flex items-center gap-1.5 rounded px-2.5 py-1 text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-500 ${
              k === i ? 'bg-neutral-700 text-neutral-100' : 'bg-neutral-800/60 text-neutral-300 hover:bg-neutral-800'
            }`}
          >
            <span aria-hidden="true" className={`h-1.5 w-1.5 rounded-full ${caseOk(x) ? 'bg-emerald-400' : 'bg-rose-400'}`} />
            Case {k + 1}
            <span className="sr-only">{caseOk(x) ? 'passed' : 'failed'}</span>
          </button>
        ))}
      </div>
      {c ? (
        <div>
          {c.verdict !== 'AC' && (
            <p className="mt-2 text-sm">
              <Verdict verdict={c.verdict} />
            </p>
          )}
          <InputBlock input={c.input} params={params} />
          <Block label="Output" testid="case-output">{c.output ?? ''}</Block>
          {c.stdout ? <Block label="Stdout" testid="case-stdout">{c.stdout}</Block> : null}
          {c.expected !== null && c.expected !== undefined && <Block label="Expected" testid="case-expected">{c.expected}</Block>}
          {c.message ? <Block label="Message" testid="case-message">{c.message}</Block> : null}
        </div>
      ) : (
        cases.length > 0 && <p className="mt-3 text-sm text-neutral-400">No result for this case.</p>
      )}
    </div>
  );
}

export function ProgressView({ state }) {
  const frac = progressFraction(state);
  return (
    <div data-testid="progress" aria-live="polite">
      <div className="flex items-center gap-2 text-sm text-neutral-200">
        <Spinner className="text-blue-400" />
        <span data-testid="progress-label">{progressLabel(state)}</span>
      </div>
      <div className="mt-3 h-1.5 w-full overflow-hidden rounded bg-neutral-800" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(frac * 100)}>
        <div className="h-full bg-blue-500 transition-[width] duration-200" style={{ width: `${frac * 100}%` }} />
      </div>
    </div>
  );
}

function Stat({ label, value, beats }) {
  return (
    <div className="min-w-40 rounded bg-neutral-800/60 px-4 py-3">
      <div className="text-xs text-neutral-400">{label}</div>
      <div className="mt-1 text-lg font-semibold text-neutral-100">{value}</div>
      {beats !== null && beats !== undefined && (
        <div className="text-xs text-neutral-300">
          Beats <span className="font-semibold text-emerald-400">{formatPercent(beats)}</span>
        </div>
      )}
    </div>
  );
}

/**
 * A finished submission. failedSample: {input, expected, output?} when the
 * failing test is one of the samples.
 */
export function SubmissionVerdict({ submission: s, failedSample, params, showCompileHint = true }) {
  const v = s.verdict;
  const total = s.total_tests ?? (s.tests ? s.tests.length : null);
  const passed =
    v === 'AC' ? total : Array.isArray(s.tests) ? s.tests.filter((t) => t.verdict === 'AC').length : s.failed_test ? s.failed_test - 1 : null;
  if (v === 'CE') return <CompileError output={s.compile_output || s.message} hint={showCompileHint} />;
  return (
    <div data-testid="verdict" data-verdict={v}>
      <div className="flex items-baseline gap-3">
        <h3 className="text-lg font-semibold">
          <Verdict verdict={v} />
        </h3>
        {total !== null && passed !== null && (
          <span className="text-xs text-neutral-400" data-testid="passed-count">
            {passed} / {total} testcases passed
          </span>
        )}
      </div>
      {v === 'AC' && (
        <div className="mt-3 flex flex-wrap gap-3">
          <Stat label="Runtime" value={formatMs(s.cpu_ms)} beats={s.beats ? s.beats.time : null} />
          <Stat label="Memory" value={formatKb(s.memory_kb)} beats={s.beats ? s.beats.memory : null} />
        </div>
      )}
      {v !== 'AC' && s.failed_test && (
        <p className="mt-2 text-sm text-neutral-300" data-testid="failed-test">
          {verdictName(v)} on test {s.failed_test}
          {total ? ` of ${total}` : ''}
        </p>
      )}
      {v === 'WA' && failedSample && (
        <div data-testid="failed-sample">
          <InputBlock input={failedSample.input} params={params} testid="failed-input" />
          {failedSample.output !== undefined && failedSample.output !== null && <Block label="Output" testid="failed-output">{failedSample.output}</Block>}
          {failedSample.stdout ? <Block label="Stdout">{failedSample.stdout}</Block> : null}
          <Block label="Expected">{failedSample.expected}</Block>
        </div>
      )}
      {v !== 'AC' && s.message && <Block label={v === 'WA' ? 'Details' : 'Error'} testid="verdict-message">{s.message}</Block>}
      {v !== 'AC' && v !== 'WA' && Array.isArray(s.tests) && s.failed_test && s.tests[s.failed_test - 1] && (
        <p className="mt-2 text-xs text-neutral-400">
          Test {s.failed_test}: {formatMs(s.tests[s.failed_test - 1].cpu_ms)}, {formatKb(s.tests[s.failed_test - 1].memory_kb)}
        </p>
      )}
    </div>
  );
}

export function SubmissionResult({ state, failedSample, running, params }) {
  if (state.phase === 'idle') {
    return <p className="text-sm text-neutral-400">{running ? 'Running…' : 'Submit your code (Ctrl+Shift+Enter) to judge it on all tests.'}</p>;
  }
  if (state.phase === 'error') {
    return (
      <p role="alert" className="text-sm text-rose-300">
        {state.error}
      </p>
    );
  }
  if (state.phase !== 'done') return <ProgressView state={state} />;
  return <SubmissionVerdict submission={state.submission} failedSample={failedSample} params={params} />;
}
