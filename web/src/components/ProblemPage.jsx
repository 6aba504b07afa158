import { lazy, Suspense, useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import Header from './Header.jsx';
import Split from './Split.jsx';
import Statement from './Statement.jsx';

import Console, { TestcaseEditor } from './Console.jsx';
import Submissions from './Submissions.jsx';
import { RunResult, SubmissionResult } from './Results.jsx';
import { ErrorMessage, Spinner, Tabs, btnGhost, btnPrimary, btnSecondary, input as inputCls } from './ui.jsx';
import { api } from '../lib/api.js';
import { getSession, sessionEnded, useSession } from '../lib/session.js';
import { go, loginHref } from '../lib/router.js';
import { codeFor, loadCases, loadLanguage, recordVerdict, saveCases, saveDraft, saveLanguage } from '../lib/storage.js';
import { initialProgress, isBusy, progressLabel, progressReducer, followSubmission } from '../lib/progress.js';
import { mergeRun, normalize, paramNames, planRun, sampleInputs } from '../lib/cases.js';
import { parseCompileErrors } from '../lib/compileErrors.js';

// Monaco is big: load it only on problem pages.
const CodeEditor = lazy(() => import('./CodeEditor.jsx'));

const FALLBACK_MONACO = { python3: 'python', python: 'python', cpp: 'cpp', c: 'cpp' };

export default function ProblemPage({ slug, initialTab = 'description', loadId = null }) {
  const session = useSession();
  const [problem, setProblem] = useState(null);
  const [languages, setLanguages] = useState([]);
  const [loadError, setLoadError] = useState(null);
  const [leftTab, setLeftTab] = useState(initialTab === 'submissions' || loadId ? 'submissions' : 'description');
  const [openId, setOpenId] = useState(loadId);
  const [lang, setLang] = useState(null);
  const [codes, setCodes] = useState({});
  const [cases, setCasesState] = useState(null);
  const [consoleTab, setConsoleTab] = useState('testcases');
  const [last, setLast] = useState(null); // 'run' | 'submit'
  const [running, setRunning] = useState(false);
  const [runResult, setRunResult] = useState(null);
  const [runError, setRunError] = useState(null);
  const [sub, dispatch] = useReducer(progressReducer, initialProgress);
  const [markers, setMarkers] = useState({}); // lang -> parsed errors
  const [failedSample, setFailedSample] = useState(null);
  const [refreshKey, setRefreshKey] = useState(0);
  const [notice, setNotice] = useState(null);
  const [replace, setReplace] = useState(null); // code pushed into the editor
  const stopFollow = useRef(null);

  // ---- loading ----------------------------------------------------------
  const load = useCallback(() => {
    setLoadError(null);
    const ctl = new AbortController();
    Promise.all([api.problem(slug, { signal: ctl.signal }), api.languages({ signal: ctl.signal }).catch(() => [])])
      .then(([p, langs]) => {
        setProblem(p);
        setLanguages(Array.isArray(langs) ? langs : []);
        document.title = `${p.title} · Gavel`;
        const starters = Object.keys(p.starter || {});
        const saved = loadLanguage(slug);
        setLang(saved && starters.includes(saved) ? saved : starters.includes('python3') ? 'python3' : starters[0] || 'python3');
        setCasesState(loadCases(slug) || (sampleInputs(p).length ? sampleInputs(p) : ['']));
      })
      .catch((e) => {
        if (e.name === 'AbortError') return;
        setLoadError(e.status === 404 ? new Error(`There is no problem called “${slug}”.`) : e);
      });
    return () => ctl.abort();
  }, [slug]);

  useEffect(() => load(), [load]);
  useEffect(() => () => stopFollow.current && stopFollow.current(), []);

  const samples = useMemo(() => (problem ? sampleInputs(problem) : []), [problem]);
  const starter = (problem && problem.starter && problem.starter[lang]) || '';
  const code = lang ? (codes[lang] ?? codeFor(slug, lang, starter)) : '';
  const langOptions = useMemo(() => {
    const ids = Object.keys((problem && problem.starter) || {});
    return ids.map((id) => {
      const l = languages.find((x) => x.id === id);
      return { id, name: l ? l.name : id, monaco: (l && l.monaco) || FALLBACK_MONACO[id] || 'plaintext' };
    });
  }, [problem, languages]);
  const monacoLang = (langOptions.find((l) => l.id === lang) || {}).monaco || FALLBACK_MONACO[lang] || 'plaintext';

  // The latest text per language, written at once on every change: a
  // Ctrl+Enter can arrive before React has re-rendered with the last
  // keystroke (browsers run input events first), so Run and Submit read
  // this rather than the rendered state.
  const latest = useRef({});
  const currentCode = () => latest.current[lang] ?? code;
  const setCode = (v) => {
    latest.current[lang] = v;
    setCodes((c) => ({ ...c, [lang]: v }));
    saveDraft(slug, lang, v, starter);
  };
  const setCases = (list) => {
    setCasesState(list);
    const same = list.length === samples.length && list.every((c, i) => normalize(c) === samples[i]);
    saveCases(slug, same ? null : list);
  };
  const switchLang = (id) => {
    setLang(id);
    saveLanguage(slug, id);
  };
  const replaceCode = (language, text) => {
    latest.current[language] = text;
    setCodes((c) => ({ ...c, [language]: text }));
    saveDraft(slug, language, text, (problem.starter || {})[language]);
    setReplace((r) => ({ language, code: text, n: (r ? r.n : 0) + 1 }));
  };
  const resetToStarter = () => {
    replaceCode(lang, starter);
    setMarkers((m) => ({ ...m, [lang]: [] }));
    setNotice('Reset to the starter code. Ctrl+Z in the editor brings your code back.');
  };

  // ---- run ----------------------------------------------------------------
  const busy = running || isBusy(sub);
  // set at once, so a second Ctrl+Enter before the next render is ignored
  const inflight = useRef(false);
  useEffect(() => {
    if (!running && !isBusy(sub)) inflight.current = false;
  }, [running, sub]);
  // Run and Submit need an account: an anonymous user goes to log in and
  // comes back here (the draft is already saved).
  const toLogin = () => go(loginHref(`/problems/${encodeURIComponent(slug)}`));
  const anonymous = () => {
    const s = getSession();
    if (s.status === 'ready' && !s.user) {
      toLogin();
      return true;
    }
    return false;
  };
  const loggedOut = (e) => {
    if (!e || e.status !== 401) return false;
    sessionEnded();
    toLogin();
    return true;
  };

  const run = async () => {
    if (busy || inflight.current || !problem || !lang) return;
    if (anonymous()) return;
    inflight.current = true;
    setLast('run');
    setConsoleTab('result');
    setRunning(true);
    setRunResult(null);
    setRunError(null);
    setNotice(null);
    setMarkers((m) => ({ ...m, [lang]: [] }));
    const runLang = lang;
    try {
      const list = cases && cases.length ? cases : samples;
      const plan = planRun(list, samples);
      const base = { problem: slug, language: runLang, code: currentCode() };
      const samplesResult = plan.runSamples ? await api.run(base) : null;
      const customResults = [];
      if (!samplesResult || samplesResult.verdict !== 'CE') {
        for (const idx of plan.custom) {
          const r = await api.run({ ...base, input: normalize(list[idx]) + '\n' });
          customResults.push(r);
          if (r.verdict === 'CE') break;
        }
      }
      const merged = mergeRun(plan, samplesResult, customResults);
      setRunResult(merged);
      if (merged.verdict === 'CE') setMarkers((m) => ({ ...m, [runLang]: parseCompileErrors(merged.compile_output, runLang) }));
      else {
        // a runtime error whose message names a line of the solution
        const re = merged.cases.find((c) => c && c.verdict === 'RE' && c.message);
        const found = re ? parseCompileErrors(re.message, runLang) : [];
        if (found.length) setMarkers((m) => ({ ...m, [runLang]: found }));
      }
    } catch (e) {
      if (loggedOut(e)) return;
      setRunError(e.message || String(e));
    } finally {
      setRunning(false);
    }
  };

  // ---- submit -------------------------------------------------------------
  const submit = async () => {
    if (busy || inflight.current || !problem || !lang) return;
    if (anonymous()) return;
    inflight.current = true;
    setLast('submit');
    setConsoleTab('result');
    setFailedSample(null);
    setNotice(null);
    setMarkers((m) => ({ ...m, [lang]: [] }));
    dispatch({ type: 'submitting' });
    try {
      const r = await api.submit({ problem: slug, language: lang, code: currentCode() });
      dispatch({ type: 'submitted', id: r.id });
      setRefreshKey((k) => k + 1);
      if (stopFollow.current) stopFollow.current();
      stopFollow.current = followSubmission(r.id, dispatch, {
        eventsUrl: api.eventsUrl(r.id),
        fetchSubmission: (id) => api.submission(id),
      });
    } catch (e) {
      dispatch({ type: 'error', message: e.message || String(e) });
      loggedOut(e);
    }
  };

  // side effects of a finished submission
  const handled = useRef(null);
  useEffect(() => {
    if (sub.phase !== 'done' || !sub.submission || handled.current === sub.submission.id) return;
    const s = sub.submission;
    handled.current = s.id;
    if (s.verdict && s.verdict !== 'IE') recordVerdict(slug, s.verdict);
    setRefreshKey((k) => k + 1);
    if (s.verdict === 'CE') {
      setMarkers((m) => ({ ...m, [s.language]: parseCompileErrors(s.compile_output || s.message, s.language) }));
    } else if (s.verdict === 'RE' && s.message) {
      const found = parseCompileErrors(s.message, s.language);
      if (found.length) setMarkers((m) => ({ ...m, [s.language]: found }));
    }
    if (s.verdict === 'WA' && s.failed_test && s.failed_test <= samples.length) {
      // the failing test is a sample: show it with the program's output
      const sample = problem.samples[s.failed_test - 1];
      setFailedSample({ input: sample.input, expected: sample.answer });
      api
        .run({ problem: slug, language: s.language, code: s.code ?? code })
        .then((r) => {
          const list = r.cases || [];
          const at = list[s.failed_test - 1];
          const c = at && at.verdict !== 'AC' ? at : list.find((x) => x && x.verdict !== 'AC') || at;
          if (c) setFailedSample({ input: c.input, expected: c.expected ?? sample.answer, output: c.output, stdout: c.stdout });
        })
        .catch(() => {});
    }
  }, [sub, slug, samples, problem, code]);

  // ---- keyboard: Ctrl/Cmd+Enter runs, Ctrl/Cmd+Shift+Enter submits -------
  const actions = useRef({});
  actions.current = { run, submit };
  useEffect(() => {
    const onKey = (e) => {
      if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || e.altKey) return;
      e.preventDefault();
      e.stopPropagation();
      if (e.shiftKey) actions.current.submit();
      else actions.current.run();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  const loadSubmissionRef = useRef(null);
  const loadSubmission = (s) => {
    const id = s.language;
    setLang(id);
    saveLanguage(slug, id);
    replaceCode(id, s.code);
    setMarkers((m) => ({ ...m, [id]: [] }));
    setNotice(`Loaded submission #${s.id} into the editor.`);
  };

  loadSubmissionRef.current = loadSubmission;

  // #/problems/:slug/submissions/:id (from "My submissions"): that
  // submission goes into the editor once the page is ready.
  const autoLoaded = useRef(false);
  const ready = !!(problem && lang && cases);
  useEffect(() => {
    if (!loadId || !ready || autoLoaded.current) return undefined;
    let live = true;
    api
      .submission(loadId)
      .then((s) => {
        if (!live || autoLoaded.current) return;
        autoLoaded.current = true;
        if (s && s.problem === slug && typeof s.code === 'string') loadSubmissionRef.current(s);
      })
      .catch((e) => live && setNotice(`Could not load submission #${loadId}: ${e.message}`));
    return () => {
      live = false;
    };
  }, [loadId, ready, slug]);

  // ---- render -------------------------------------------------------------
  const busyLabel = running ? 'Running…' : isBusy(sub) ? progressLabel(sub) : null;
  const headerButtons = (
    <>
      <button type="button" onClick={run} disabled={busy || !problem} className={`${btnSecondary} w-24`} title="Run (Ctrl+Enter)" data-testid="run">
        {running ? <Spinner /> : <span aria-hidden="true">▶</span>} Run
      </button>
      <button type="button" onClick={submit} disabled={busy || !problem} className={`${btnPrimary} w-28`} title="Submit (Ctrl+Shift+Enter)" data-testid="submit">
        {isBusy(sub) ? <Spinner /> : null} Submit
      </button>
    </>
  );

  if (loadError) {
    return (
      <>
        <Header />
        <div className="p-6">
          <ErrorMessage error={loadError} onRetry={load} />
          <a className="mt-4 inline-block text-sm text-blue-400 underline" href="#/">Back to the problem list</a>
        </div>
      </>
    );
  }
  if (!problem || !lang || !cases) {
    return (
      <>
        <Header />
        <p className="p-6 text-sm text-neutral-400">Loading…</p>
      </>
    );
  }

  const resultView =
    last === 'run' ? (
      runError ? (
        <div data-testid="result-error">
          <ErrorMessage error={runError} />
        </div>
      ) : (
        <RunResult key={runResult ? 'r' : 'n'} result={runResult} running={running} params={paramNames(problem)} />
      )
    ) : last === 'submit' ? (
      <SubmissionResult state={sub} failedSample={failedSample} params={paramNames(problem)} />
    ) : (
      <p className="text-sm text-neutral-400">Run (Ctrl+Enter) or Submit (Ctrl+Shift+Enter) to see results here.</p>
    );

  return (
    <>
      <Header>
        <div className="mr-auto truncate pl-4 text-sm text-neutral-300">{problem.title}</div>
        {headerButtons}
      </Header>
      <Split direction="horizontal" initial={42} min={25} max={70} storageKey="main" label="Resize statement and editor">
        <section className="flex min-h-0 flex-1 flex-col" aria-label="Problem">
          <Tabs
            label="Problem"
            active={leftTab}
            onChange={setLeftTab}
            tabs={[
              { id: 'description', label: 'Description' },
              { id: 'submissions', label: 'Submissions' },
            ]}
          />
          <div id={`panel-${leftTab}`} role="tabpanel" aria-labelledby={`tab-${leftTab}`} className="min-h-0 flex-1 overflow-auto">
            {leftTab === 'description' ? (
              <Statement problem={problem} />
            ) : (
              <Submissions slug={slug} languages={languages} refreshKey={refreshKey} onLoad={loadSubmission} openId={openId} setOpenId={setOpenId} />
            )}
          </div>
        </section>
        <Split direction="vertical" initial={62} min={20} max={85} storageKey="editor" label="Resize editor and console">
          <section className="flex min-h-0 flex-1 flex-col" aria-label="Editor">
            <div className="flex h-9 shrink-0 items-center gap-2 border-b border-neutral-800 bg-neutral-900 px-2">
              <label htmlFor="language" className="sr-only">Language</label>
              <select id="language" data-testid="language" value={lang} onChange={(e) => switchLang(e.target.value)} className={`${inputCls} py-0.5`}>
                {langOptions.map((l) => (
                  <option key={l.id} value={l.id}>{l.name}</option>
                ))}
              </select>
              <button type="button" onClick={resetToStarter} className={btnGhost} data-testid="reset" title="Replace your code with the starter code">
                ↺ Reset to starter
              </button>
              <span className="ml-auto truncate text-xs text-neutral-500" aria-live="polite" data-testid="notice">
                {notice || (session.status === 'ready' && !session.user ? 'Draft saved in this browser · log in to run and submit' : 'Draft saved in this browser · Ctrl+M: Tab moves focus')}
              </span>
            </div>
            <Suspense fallback={<div className="min-h-0 flex-1 p-4 text-sm text-neutral-400">Loading editor…</div>}>
              <CodeEditor slug={slug} owner={session.user ? session.user.username.toLowerCase() : null} language={lang} monacoLanguage={monacoLang} initialValue={code} replace={replace} onChange={setCode} errors={markers[lang]} />
            </Suspense>
          </section>
          <Console
            tab={consoleTab}
            setTab={setConsoleTab}
            busyLabel={busyLabel}
            testcases={
              <TestcaseEditor
                cases={cases}
                setCases={setCases}
                params={paramNames(problem)}
                customized={!(cases.length === samples.length && cases.every((c, i) => normalize(c) === samples[i]))}
                onResetCases={() => setCases(samples.length ? samples : [''])}
              />
            }
            result={resultView}
          />
        </Split>
      </Split>
    </>
  );
}
