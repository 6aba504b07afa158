// Admin: create or edit a problem. The form on the left, the statement as
// users will see it on the right (the same Statement renderer), tests
// uploaded as NAME.in/NAME.ans files or a Kattis .zip, a run of the
// reference solution on every test, and Publish.
import { useCallback, useEffect, useMemo, useState } from 'react';
import Header from './Header.jsx';
import Statement from './Statement.jsx';
import { NeedLogin } from './AccountPage.jsx';
import { api } from '../lib/api.js';
import { problemHref } from '../lib/router.js';
import { COMPARE_MODES, DIFFICULTIES, SIGNATURE_TEMPLATE, definitionToForm, emptyForm, formToDefinition, mergeTests, pairTestFiles, previewProblem } from '../lib/adminForm.js';
import { formatKb, formatMs } from '../lib/verdicts.js';
import { ErrorMessage, Spinner, Verdict, btnGhost, btnPrimary, btnSecondary, input } from './ui.jsx';

const area = `${input} w-full font-mono text-[13px] leading-5`;
const FALLBACK_LANGS = [
  { id: 'python3', name: 'Python 3' },
  { id: 'cpp', name: 'C++' },
];

 /** 01, 02, ...: the first of these names no test has. */
const freeName = (tests) => {
  for (let i = tests.length + 1; ; i++) {
    const n = String(i).padStart(2, '0');
    if (!tests.some((t) => t.name === n)) return n;
  }
};
const readFiles = (list) => Promise.all([...(list || [])].map(async (f) => ({ name: f.name, text: await f.text() })));
const size = (s) => {
  const n = new TextEncoder().encode(s || '').length;
  return n < 1024 ? `${n} B` : n < 1048576 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1048576).toFixed(1)} MB`;
};

function Field({ label, htmlFor, error, children, hint }) {
  return (
    <div>
      {label && <label htmlFor={htmlFor} className="block text-sm text-neutral-300">{label}</label>}
      <div className="mt-1">{children}</div>
      {hint && !error && <p className="mt-1 text-xs text-neutral-500">{hint}</p>}
      {error && <p className="mt-1 text-xs text-rose-300" data-testid={`error-${htmlFor}`}>{error}</p>}
    </div>
  );
}

function Section({ title, children, right, testid }) {
  return (
    <section className="rounded-lg border border-neutral-800 bg-neutral-900 p-4" aria-label={title} data-testid={testid}>
      <div className="mb-3 flex items-center gap-2">
        <h2 className="font-semibold text-neutral-100">{title}</h2>
        <div className="ml-auto flex items-center gap-2">{right}</div>
      </div>
      {children}
    </section>
  );
}

/** A file input that reads NAME.in/NAME.ans pairs. */
function PairsInput({ id, label, onTests, onProblems }) {
  const onChange = async (e) => {
    const files = await readFiles(e.target.files);
    e.target.value = '';
    const { tests, problems } = pairTestFiles(files);
    onProblems(problems);
    if (tests.length) onTests(tests);
  };
  return (
    <label htmlFor={id} className={`${btnSecondary} cursor-pointer`}>
      {label}
      <input id={id} data-testid={id} type="file" multiple accept=".in,.ans" onChange={onChange} className="sr-only" />
    </label>
  );
}

function TestList({ tests, onRemove, editable, onEdit, testid }) {
  if (!tests.length) return <p className="text-sm text-neutral-500">None yet.</p>;
  return (
    <ul className="space-y-2" data-testid={testid}>
      {tests.map((t, i) => (
        <li key={t.name} className="rounded border border-neutral-800 bg-neutral-950/50 p-2" data-testid="test-item" data-name={t.name}>
          <div className="flex items-center gap-2 text-xs">
            <span className="font-mono text-neutral-200">{t.name}</span>
            <span className="text-neutral-500">in {size(t.input)} · ans {size(t.answer)}</span>
            <button type="button" onClick={() => onRemove(i)} className={`${btnGhost} ml-auto px-2 py-0 text-xs`} aria-label={`Remove ${t.name}`}>
              Remove
            </button>
          </div>
          {editable && (
            <div className="mt-2 grid grid-cols-2 gap-2">
              <textarea aria-label={`${t.name} input`} rows={3} value={t.input} onChange={(e) => onEdit(i, { ...t, input: e.target.value })} className={area} />
              <textarea aria-label={`${t.name} answer`} rows={3} value={t.answer} onChange={(e) => onEdit(i, { ...t, answer: e.target.value })} className={area} />
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

function CheckResult({ result }) {
  if (!result) return null;
  const cases = result.cases || [];
  const passed = cases.filter((c) => c.verdict === 'AC').length;
  return (
    <div className="mt-3" data-testid="check-result">
      <p className="text-sm">
        <Verdict verdict={result.verdict} className="font-semibold" />{' '}
        <span className="text-neutral-400" data-testid="check-summary">
          {cases.length ? `${passed} of ${cases.length} tests passed` : ''}
        </span>
      </p>
      {result.compile_output && (
        <pre className="mt-2 max-h-48 overflow-auto rounded bg-neutral-950 px-3 py-2 font-mono text-xs text-rose-200">{result.compile_output}</pre>
      )}
      {cases.length > 0 && (
        <table className="mt-2 w-full table-fixed text-xs" aria-label="Reference check per test">
          <thead>
            <tr className="border-b border-neutral-800 text-left text-neutral-400">
              <th className="py-1 font-normal">Test</th>
              <th className="w-40 py-1 font-normal">Verdict</th>
              <th className="w-16 py-1 font-normal">CPU</th>
              <th className="w-16 py-1 font-normal">Wall</th>
              <th className="w-20 py-1 font-normal">Memory</th>
              <th className="py-1 font-normal">Message</th>
            </tr>
          </thead>
          <tbody>
            {cases.map((c, i) => (
              <tr key={`${c.name}-${i}`} className="border-b border-neutral-900" data-testid="check-case" data-verdict={c.verdict}>
                <td className="truncate py-1 font-mono text-neutral-200">{c.name}</td>
                <td className="py-1"><Verdict verdict={c.verdict} /></td>
                <td className="py-1 tabular-nums text-neutral-300">{formatMs(c.cpu_ms)}</td>
                <td className="py-1 tabular-nums text-neutral-300">{formatMs(c.wall_ms)}</td>
                <td className="py-1 tabular-nums text-neutral-300">{formatKb(c.memory_kb)}</td>
                <td className="truncate py-1 text-neutral-400" title={c.message || ''}>{c.message || ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function ProblemEditor({ slug: routeSlug }) {
  const [slug, setSlug] = useState(routeSlug); // null until a new problem is saved
  const [form, setForm] = useState(() => (routeSlug ? null : emptyForm()));
  const [saved, setSaved] = useState(() => (routeSlug ? null : JSON.stringify(emptyForm())));
  const [loadError, setLoadError] = useState(null);
  const [errors, setErrors] = useState({});
  const [message, setMessage] = useState(null); // {error?, text}
  const [busy, setBusy] = useState(null); // 'save' | 'publish' | 'check' | 'zip'
  const [languages, setLanguages] = useState(FALLBACK_LANGS);
  const [starterLang, setStarterLang] = useState('python3');
  const [fileProblems, setFileProblems] = useState([]);
  const [refLang, setRefLang] = useState('python3');
  const [refCode, setRefCode] = useState('');
  const [check, setCheck] = useState(null);
  const [checkError, setCheckError] = useState(null);
  // a problem of the bundled catalog is edited in git, not here (409)
  const [catalog, setCatalog] = useState(false);
  const isNew = !slug;

  const load = useCallback(() => {
    if (!routeSlug) return;
    setLoadError(null);
    api.admin
      .problem(routeSlug)
      .then((d) => {
        const f = definitionToForm(d, routeSlug);
        setCatalog(d.authored === false);
        setForm(f);
        setSaved(JSON.stringify(f));
      })
      .catch(setLoadError);
  }, [routeSlug]);
  useEffect(() => {
    load();
    api
      .languages()
      .then((l) => Array.isArray(l) && l.length && setLanguages(l))
      .catch(() => {});
  }, [load]);
  useEffect(() => {
    document.title = `${routeSlug ? `Edit ${routeSlug}` : 'New problem'} · Admin · Gavel`;
  }, [routeSlug]);

  const preview = useMemo(() => (form ? previewProblem(form) : null), [form]);
  if (loadError) return <ErrorMessage error={loadError} onRetry={load} className="m-6" />;
  if (!form) return <p className="p-6 text-sm text-neutral-400">Loading…</p>;

  const dirty = !catalog && JSON.stringify(form) !== saved;
  const set = (k, v) => setForm((f) => ({ ...f, [k]: v }));

  // A new problem must not overwrite one that exists under that slug.
  const slugTaken = async (target) => {
    const r = await api.admin.problems();
    if (!((r && r.problems) || []).some((p) => p.slug === target)) return false;
    setErrors((x) => ({ ...x, slug: `There is already a problem “${target}”: open it from the list to edit it.` }));
    setMessage({ error: true, text: 'Fix the marked fields first.' });
    return true;
  };

  // PUT the form; a new problem gets its address.
  const save = async (over = {}) => {
    const next = { ...form, ...over };
    const { definition, errors: errs } = formToDefinition(next, { isNew });
    setErrors(errs);
    if (Object.keys(errs).length) {
      setMessage({ error: true, text: 'Fix the marked fields first.' });
      return null;
    }
    const target = slug || next.slug;
    if (!slug && (await slugTaken(target))) return null;
    const r = await api.admin.save(target, definition);
    const f = { ...next, hidden: r && typeof r.hidden === 'boolean' ? r.hidden : next.hidden };
    setForm(f);
    setSaved(JSON.stringify(f));
    if (!slug) {
      setSlug(target);
      window.history.replaceState(null, '', `#/admin/problems/${encodeURIComponent(target)}`);
    }
    return { ...r, slug: target };
  };
  const run = (what, fn) => async () => {
    setBusy(what);
    setMessage(null);
    try {
      await fn();
    } catch (e) {
      setMessage({ error: true, text: e.message || String(e) });
    } finally {
      setBusy(null);
    }
  };
  const onSave = run('save', async () => {
    const r = await save();
    if (r) setMessage({ text: `Saved ${r.slug}: ${r.tests} test${r.tests === 1 ? '' : 's'}${r.hidden ? ', hidden (a draft)' : ''}.` });
  });
  const onPublish = run('publish', async () => {
    const target = slug;
    if (!catalog && (dirty || isNew)) {
      const r = await save();
      if (!r) return;
    }
    const r = await api.admin.setHidden(target || form.slug, !form.hidden);
    setForm((f) => ({ ...f, hidden: r.hidden }));
    setSaved((s) => JSON.stringify({ ...JSON.parse(s), hidden: r.hidden }));
    setMessage({ text: r.hidden ? 'Hidden: only admins see it now.' : 'Published: everyone sees it now.' });
  });
  const onZip = async (e) => {
    const file = e.target.files && e.target.files[0];
    e.target.value = '';
    if (!file) return;
    const target = slug || form.slug;
    if (!target || (isNew && formToDefinition(form, { isNew }).errors.slug)) {
      setErrors((x) => ({ ...x, slug: 'Choose the slug first: the package is stored under it.' }));
      return;
    }
    await run('zip', async () => {
      if (!slug && (await slugTaken(target))) return;
      const r = await api.admin.uploadPackage(target, file);
      const d = await api.admin.problem(target);
      const f = definitionToForm(d, target);
      setForm(f);
      setSaved(JSON.stringify(f));
      if (!slug) {
        setSlug(target);
        window.history.replaceState(null, '', `#/admin/problems/${encodeURIComponent(target)}`);
      }
      setMessage({ text: `Imported ${file.name}: ${r.tests} test${r.tests === 1 ? '' : 's'}.` });
    })();
  };
  const onCheck = async () => {
    setCheck(null);
    setCheckError(null);
    if (!refCode.trim()) return setCheckError('Paste the reference solution first.');
    setBusy('check');
    try {
      let target = slug;
      if (!catalog && (dirty || isNew)) {
        const r = await save();
        if (!r) return;
        target = r.slug;
      }
      setCheck(await api.admin.check(target, refLang, refCode));
    } catch (e) {
      setCheckError(e.message || String(e));
    } finally {
      setBusy(null);
    }
  };

  const langName = (id) => (languages.find((l) => l.id === id) || {}).name || id;
  const starterLangs = [...new Set([...languages.map((l) => l.id), ...Object.keys(form.starter)])];

  return (
    <main className="flex min-h-0 flex-1 flex-col" data-testid="problem-editor">
      <div className="flex h-11 shrink-0 items-center gap-3 border-b border-neutral-800 bg-neutral-900/60 px-4">
        <a href="#/admin" className={btnGhost}>← All problems</a>
        <h1 className="truncate font-semibold text-neutral-100">{isNew ? 'New problem' : `Edit ${slug}`}</h1>
        <span className={`rounded-full px-2 py-0.5 text-xs ${form.hidden ? 'bg-neutral-800 text-neutral-300' : 'bg-emerald-950 text-emerald-300'}`} data-testid="visibility">
          {form.hidden ? 'Hidden' : 'Visible'}
        </span>
        {dirty && <span className="text-xs text-amber-300" data-testid="unsaved">unsaved changes</span>}
        {catalog && <span className="text-xs text-neutral-400" data-testid="catalog">bundled catalog: read only</span>}
        <span className={`ml-auto truncate text-sm ${message && message.error ? 'text-rose-300' : 'text-emerald-300'}`} role={message && message.error ? 'alert' : 'status'} data-testid="editor-message">
          {message ? message.text : ''}
        </span>
        {!isNew && !form.hidden && <a href={problemHref(slug)} className={btnGhost}>View</a>}
        <button type="button" onClick={onSave} disabled={!!busy || catalog} className={btnSecondary} data-testid="save">
          {busy === 'save' ? <Spinner /> : null} Save
        </button>
        <button type="button" onClick={onPublish} disabled={!!busy} className={btnPrimary} data-testid="publish">
          {busy === 'publish' ? <Spinner /> : null} {form.hidden ? 'Publish' : 'Hide'}
        </button>
      </div>
      <div className="grid min-h-0 flex-1 grid-cols-2">
        <div className="min-h-0 space-y-4 overflow-auto p-4" data-testid="editor-form">
          {catalog && (
            <p className="rounded border border-neutral-700 bg-neutral-900 px-3 py-2 text-sm text-neutral-300" role="note">
              {slug} belongs to the bundled catalog (<code>problems/</code> in the source tree): edit it there. Here you can
              read it, run a reference solution on its tests, hide or publish it.
            </p>
          )}
          <fieldset disabled={catalog} className="min-w-0 space-y-4">
          <Section title="Problem">
            <div className="grid grid-cols-2 gap-3">
              {isNew ? (
                <Field label="Slug (its address)" htmlFor="slug" error={errors.slug} hint="lower-case, digits and -, e.g. two-sum">
                  <input id="slug" value={form.slug} onChange={(e) => set('slug', e.target.value.trim())} className={`${input} w-full`} />
                </Field>
              ) : (
                <Field label="Slug" htmlFor="slug-fixed">
                  <input id="slug-fixed" value={slug} readOnly className={`${input} w-full text-neutral-400`} />
                </Field>
              )}
              <Field label="Title" htmlFor="title" error={errors.title}>
                <input id="title" value={form.title} onChange={(e) => set('title', e.target.value)} className={`${input} w-full`} />
              </Field>
              <Field label="Difficulty" htmlFor="difficulty" error={errors.difficulty}>
                <select id="difficulty" value={form.difficulty} onChange={(e) => set('difficulty', e.target.value)} className={`${input} w-full`}>
                  {DIFFICULTIES.map((d) => (
                    <option key={d}>{d}</option>
                  ))}
                </select>
              </Field>
              <Field label="Tags" htmlFor="tags" hint="comma separated">
                <input id="tags" value={form.tags} onChange={(e) => set('tags', e.target.value)} placeholder="Array, Hash Table" className={`${input} w-full`} />
              </Field>
              <Field label="Time limit (ms)" htmlFor="time_ms" error={errors.time_ms}>
                <input id="time_ms" inputMode="numeric" value={form.time_ms} onChange={(e) => set('time_ms', e.target.value)} className={`${input} w-full`} />
              </Field>
              <Field label="Memory limit (MB)" htmlFor="memory_mb" error={errors.memory_mb}>
                <input id="memory_mb" inputMode="numeric" value={form.memory_mb} onChange={(e) => set('memory_mb', e.target.value)} className={`${input} w-full`} />
              </Field>
            </div>
            <fieldset className="mt-3">
              <legend className="text-sm text-neutral-300">Kind</legend>
              <div className="mt-1 flex gap-4 text-sm text-neutral-200">
                {[
                  ['function', 'Function (LeetCode style)'],
                  ['stdio', 'Standard input/output'],
                ].map(([k, label]) => (
                  <label key={k} className="flex items-center gap-1.5">
                    <input type="radio" name="kind" value={k} checked={form.kind === k} onChange={() => setForm((f) => ({ ...f, kind: k, signature: f.signature || SIGNATURE_TEMPLATE }))} data-testid={`kind-${k}`} />
                    {label}
                  </label>
                ))}
              </div>
            </fieldset>
          </Section>

          <Section title="Statement (Markdown)">
            <Field htmlFor="statement" error={errors.statement}>
              <textarea id="statement" aria-label="Statement" rows={14} value={form.statement} onChange={(e) => set('statement', e.target.value)} className={area} placeholder={'Given an array `nums`…\n\n## Example 1\n\n```\nInput: nums = [1,2]\nOutput: 3\n```'} />
            </Field>
          </Section>

          {form.kind === 'function' && (
            <Section title="Signature (JSON)">
              <Field htmlFor="signature" error={errors.signature} hint='LeetCode metaData: {"name", "params": [{"name", "type"}], "return": {"type"}}'>
                <textarea id="signature" aria-label="Signature" rows={8} value={form.signature} onChange={(e) => set('signature', e.target.value)} className={area} spellCheck={false} />
              </Field>
              <div className="mt-3 grid grid-cols-2 gap-3">
                <Field label="Compare answers" htmlFor="compare_mode" hint="unordered: the top-level list in any order">
                  <select id="compare_mode" value={form.compare_mode} onChange={(e) => set('compare_mode', e.target.value)} className={`${input} w-full`}>
                    {[...new Set([...COMPARE_MODES, form.compare_mode])].map((m) => (
                      <option key={m} value={m}>{m}</option>
                    ))}
                  </select>
                </Field>
                {form.compare_mode === 'float' && (
                  <Field label="Tolerance" htmlFor="tolerance" error={errors.tolerance} hint="absolute or relative; empty: 1e-5">
                    <input id="tolerance" value={form.tolerance} onChange={(e) => set('tolerance', e.target.value)} placeholder="1e-5" className={`${input} w-full`} />
                  </Field>
                )}
              </div>
            </Section>
          )}

          {form.kind === 'stdio' && (
            <Section title="Output validator">
              <Field label="Validator flags (Kattis default validator)" htmlFor="validator" hint="empty: exact tokens; e.g. float_tolerance 1e-6, case_sensitive, space_change_sensitive">
                <input id="validator" value={form.validator} onChange={(e) => set('validator', e.target.value)} className={`${input} w-full font-mono`} />
              </Field>
            </Section>
          )}

          <Section
            title="Starter code"
            right={
              <select aria-label="Starter language" value={starterLang} onChange={(e) => setStarterLang(e.target.value)} className={`${input} py-0.5`}>
                {starterLangs.map((id) => (
                  <option key={id} value={id}>{langName(id)}{form.starter[id] ? ' ✓' : ''}</option>
                ))}
              </select>
            }
          >
            <textarea aria-label={`Starter code, ${langName(starterLang)}`} data-testid="starter" rows={8} value={form.starter[starterLang] || ''} onChange={(e) => set('starter', { ...form.starter, [starterLang]: e.target.value })} className={area} spellCheck={false} />
          </Section>

          <Section
            title={`Samples (${form.samples.length})`}
            testid="samples"
            right={
              <>
                <button type="button" className={btnGhost} onClick={() => set('samples', [...form.samples, { name: freeName(form.samples), input: '', answer: '' }])}>
                  + Add
                </button>
                <PairsInput id="sample-files" label="Upload .in/.ans" onTests={(t) => set('samples', mergeTests(form.samples, t))} onProblems={setFileProblems} />
              </>
            }
          >
            <p className="mb-2 text-xs text-neutral-500">Shown in the statement's console; judged first. Input on the left, answer on the right.</p>
            <TestList tests={form.samples} editable onEdit={(i, t) => set('samples', form.samples.map((x, j) => (j === i ? t : x)))} onRemove={(i) => set('samples', form.samples.filter((_, j) => j !== i))} />
            {errors.samples && <p className="mt-2 text-xs text-rose-300">{errors.samples}</p>}
          </Section>

          <Section
            title={`Hidden tests (${form.tests.length})`}
            testid="hidden-tests"
            right={
              <>
                {form.tests.length > 0 && (
                  <button type="button" className={btnGhost} onClick={() => set('tests', [])}>Remove all</button>
                )}
                <PairsInput id="test-files" label="Upload .in/.ans" onTests={(t) => set('tests', mergeTests(form.tests, t))} onProblems={setFileProblems} />
              </>
            }
          >
            <p className="mb-2 text-xs text-neutral-500">Pick files in pairs: NAME.in with NAME.ans. A file of an existing name replaces it.</p>
            {fileProblems.length > 0 && (
              <div role="alert" className="mb-2 rounded border border-amber-900 bg-amber-950/40 px-3 py-2 text-xs text-amber-200" data-testid="file-problems">
                {fileProblems.map((p) => (
                  <div key={p}>{p}</div>
                ))}
              </div>
            )}
            <TestList tests={form.tests} testid="hidden-test-list" onRemove={(i) => set('tests', form.tests.filter((_, j) => j !== i))} />
            {errors.tests && <p className="mt-2 text-xs text-rose-300">{errors.tests}</p>}
          </Section>

          <Section title="Kattis package">
            <p className="mb-2 text-xs text-neutral-500">A .zip of a Kattis problem directory replaces the whole definition (statement, limits, samples, tests).</p>
            <label htmlFor="package-file" className={`${btnSecondary} cursor-pointer`}>
              {busy === 'zip' ? <Spinner /> : null} Upload .zip
              <input id="package-file" data-testid="package-file" type="file" accept=".zip,application/zip" onChange={onZip} className="sr-only" />
            </label>
          </Section>

          </fieldset>

          <Section title="Run the reference solution" testid="reference">
            <p className="mb-2 text-xs text-neutral-500">Runs on every sample and hidden test{catalog ? '' : ' (saving first)'}, without stopping at a failure.</p>
            <div className="mb-2 flex items-center gap-2">
              <select aria-label="Reference language" data-testid="ref-language" value={refLang} onChange={(e) => setRefLang(e.target.value)} className={`${input} py-0.5`}>
                {languages.map((l) => (
                  <option key={l.id} value={l.id}>{l.name}</option>
                ))}
              </select>
              <button type="button" onClick={onCheck} disabled={!!busy} className={btnPrimary} data-testid="run-check">
                {busy === 'check' ? <Spinner /> : <span aria-hidden="true">▶</span>} Run reference solution
              </button>
            </div>
            <textarea aria-label="Reference solution" data-testid="ref-code" rows={10} value={refCode} onChange={(e) => setRefCode(e.target.value)} className={area} spellCheck={false} />
            <ErrorMessage error={checkError} className="mt-2" />
            <CheckResult result={check} />
          </Section>
        </div>
        <aside className="min-h-0 overflow-auto border-l border-neutral-800" aria-label="Preview" data-testid="preview">
          <div className="border-b border-neutral-800 px-5 py-2 text-xs uppercase tracking-wide text-neutral-500">Preview</div>
          <Statement problem={preview} />
        </aside>
      </div>
    </main>
  );
}

export default function AdminEdit({ slug }) {
  return (
    <>
      <Header />
      <NeedLogin admin>
        <ProblemEditor slug={slug} />
      </NeedLogin>
    </>
  );
}
