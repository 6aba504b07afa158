// The console below the editor: Testcases (editable samples, custom
// cases) and Result (the last Run or Submit).
import { useState } from 'react';
import { joinFields, splitFields } from '../lib/cases.js';
import { Tabs, btnGhost, input as inputCls } from './ui.jsx';

export function TestcaseEditor({ cases, setCases, params, onResetCases, customized }) {
  const [sel, setSel] = useState(0);
  const i = Math.min(sel, cases.length - 1);
  const value = cases[i] ?? '';
  const fields = params ? splitFields(value, params.length) : null;
  const update = (text) => setCases(cases.map((c, k) => (k === i ? text : c)));
  const add = () => {
    setCases([...cases, cases[i] ?? '']);
    setSel(cases.length);
  };
  const remove = (k) => {
    if (cases.length <= 1) return;
    setCases(cases.filter((_, j) => j !== k));
    setSel(Math.max(0, k === i ? k - 1 : i > k ? i - 1 : i));
  };
  return (
    <div data-testid="testcases">
      <div className="flex flex-wrap items-center gap-2">
        {cases.map((_, k) => (
          <span key={k} className="group relative inline-flex">
            <button
              type="button"
              aria-pressed={k === i}
              onClick={() => setSel(k)}
              data-testid={`testcase-${k}`}
              className={`rounded px-2.5 py-1 text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-500 ${
                k === i ? 'bg-neutral-700 text-neutral-100' : 'bg-neutral-800/60 text-neutral-300 hover:bg-neutral-800'
              } ${cases.length > 1 ? 'pr-6' : ''}`}
            >
              Case {k + 1}
            </button>
            {cases.length > 1 && (
              <button
                type="button"
                aria-label={`Remove case ${k + 1}`}
                onClick={() => remove(k)}
                className="absolute right-1 top-1/2 -translate-y-1/2 rounded px-1 text-xs text-neutral-500 hover:text-neutral-200 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-500"
              >
                ×
              </button>
            )}
          </span>
        ))}
        <button type="button" onClick={add} aria-label="Add a test case" data-testid="add-case" className={btnGhost}>
          +
        </button>
        {customized && (
          <button type="button" onClick={onResetCases} className="ml-auto text-xs text-neutral-400 underline hover:text-neutral-200">
            Reset to samples
          </button>
        )}
      </div>
      <div className="mt-3 space-y-3">
        {fields ? (
          params.map((name, k) => (
            <label key={name} className="block">
              <span className="mb-1 block font-mono text-xs text-neutral-400">{name} =</span>
              <input
                type="text"
                spellCheck={false}
                value={fields[k]}
                onChange={(e) => update(joinFields(fields.map((f, j) => (j === k ? e.target.value : f))))}
                className={`${inputCls} w-full font-mono`}
                data-testid={`field-${name}`}
              />
            </label>
          ))
        ) : (
          <label className="block">
            <span className="mb-1 block text-xs text-neutral-400">Input</span>
            <textarea
              spellCheck={false}
              rows={Math.min(10, Math.max(3, value.split('\n').length + 1))}
              value={value}
              onChange={(e) => update(e.target.value)}
              className={`${inputCls} w-full resize-y font-mono`}
              data-testid="case-textarea"
            />
          </label>
        )}
      </div>
    </div>
  );
}

export default function Console({ tab, setTab, testcases, result, busyLabel }) {
  return (
    <section className="flex min-h-0 flex-1 flex-col bg-neutral-950" aria-label="Console">
      <Tabs
        label="Console"
        active={tab}
        onChange={setTab}
        tabs={[
          { id: 'testcases', label: 'Testcases' },
          { id: 'result', label: 'Result' },
        ]}
        right={busyLabel ? <span className="text-xs text-neutral-400" data-testid="busy-label">{busyLabel}</span> : null}
      />
      <div id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`} className="min-h-0 flex-1 overflow-auto px-4 py-3">
        {tab === 'testcases' ? testcases : result}
      </div>
    </section>
  );
}
