// State of one submission being judged, driven by the server's events
// (queued, compiling, test..., done) or by polling the submission.

export const initialProgress = {
  phase: 'idle', // idle | submitting | queued | compiling | running | done | error
  id: null,
  done: 0, // tests finished so far
  total: null,
  lastVerdict: null,
  submission: null,
  error: null,
};

export function progressReducer(state, action) {
  switch (action.type) {
    case 'reset':
      return initialProgress;
    case 'submitting':
      return { ...initialProgress, phase: 'submitting' };
    case 'submitted':
      return { ...state, phase: 'queued', id: action.id };
    case 'queued':
      return state.phase === 'done' ? state : { ...state, phase: 'queued' };
    case 'compiling':
      return state.phase === 'done' ? state : { ...state, phase: 'compiling' };
    case 'test': {
      if (state.phase === 'done') return state;
      const d = action.data || {};
      const total = Number.isFinite(d.total) ? d.total : state.total;
      // Count events rather than trust the index base (0- or 1-based).
      let done = state.done + 1;
      if (Number.isFinite(d.index) && Number.isFinite(total)) {
        // index may be 0- or 1-based; never move backwards, never pass total
        done = Math.max(done, Math.min(d.index, total));
      }
      if (Number.isFinite(total)) done = Math.min(done, total);
      return { ...state, phase: 'running', done, total, lastVerdict: d.verdict || null };
    }
    case 'poll': {
      // a submission object fetched while waiting
      const s = action.submission || {};
      if (s.status === 'done') return progressReducer(state, { type: 'done', submission: s });
      const phase = s.status === 'running' ? (state.phase === 'running' ? 'running' : 'compiling') : 'queued';
      const tests = Array.isArray(s.tests) ? s.tests.length : state.done;
      return { ...state, phase, done: Math.max(state.done, tests), total: s.total_tests ?? state.total };
    }
    case 'done': {
      const s = action.submission || {};
      const total = s.total_tests ?? state.total;
      return {
        ...state,
        phase: 'done',
        id: s.id ?? state.id,
        submission: s,
        total,
        done: Array.isArray(s.tests) ? s.tests.length : state.done,
      };
    }
    case 'error':
      return { ...state, phase: 'error', error: action.message || 'Something went wrong.' };
    default:
      return state;
  }
}

export function isBusy(state) {
  return ['submitting', 'queued', 'compiling', 'running'].includes(state.phase);
}

/** The line shown while judging: "Compiling…", "Test 12 of 40"… */
export function progressLabel(state) {
  switch (state.phase) {
    case 'submitting':
      return 'Submitting…';
    case 'queued':
      return 'Queued…';
    case 'compiling':
      return 'Compiling…';
    case 'running': {
      if (!state.total) return `Test ${state.done + 1}`;
      const k = Math.min(state.done + 1, state.total);
      return `Test ${k} of ${state.total}`;
    }
    case 'done':
      return 'Done';
    case 'error':
      return state.error || 'Error';
    default:
      return '';
  }
}

/** 0..1 for a progress bar. */
export function progressFraction(state) {
  if (state.phase === 'done') return 1;
  if (state.phase !== 'running' || !state.total) return state.phase === 'compiling' ? 0.02 : 0;
  return Math.min(1, state.done / state.total);
}

/**
 * Follow a submission: EventSource first, polling when events are not
 * available or the stream keeps failing. Returns a stop() function.
 */
export function followSubmission(id, dispatch, { eventsUrl, fetchSubmission, EventSourceImpl, pollMs = 1000 } = {}) {
  let stopped = false;
  let es = null;
  let timer = null;
  let failures = 0;

  const finish = () => {
    stopped = true;
    if (es) es.close();
    if (timer) clearTimeout(timer);
  };

  const poll = async () => {
    if (stopped) return;
    try {
      const s = await fetchSubmission(id);
      if (stopped) return;
      dispatch({ type: 'poll', submission: s });
      if (s.status === 'done') return finish();
      failures = 0;
    } catch (e) {
      if (++failures >= 5) {
        dispatch({ type: 'error', message: e.message || 'Lost contact with the server.' });
        return finish();
      }
    }
    timer = setTimeout(poll, pollMs);
  };

  const ES = EventSourceImpl || (typeof EventSource !== 'undefined' ? EventSource : null);
  if (!ES) {
    poll();
    return finish;
  }
  es = new ES(eventsUrl);
  const parse = (e) => {
    try {
      return e && e.data ? JSON.parse(e.data) : {};
    } catch {
      return {};
    }
  };
  es.addEventListener('queued', () => !stopped && dispatch({ type: 'queued' }));
  es.addEventListener('compiling', () => !stopped && dispatch({ type: 'compiling' }));
  es.addEventListener('test', (e) => !stopped && dispatch({ type: 'test', data: parse(e) }));
  es.addEventListener('done', (e) => {
    if (stopped) return;
    const data = parse(e);
    finish();
    if (data && data.status === 'done') dispatch({ type: 'done', submission: data });
    else {
      // an unexpected payload: fetch the submission itself
      stopped = false;
      poll();
    }
  });
  es.onerror = () => {
    if (stopped) return;
    // The browser retries by itself; after a few failures switch to polling.
    if (++failures >= 3 || es.readyState === 2) {
      es.close();
      es = null;
      failures = 0;
      poll();
    }
  };
  return finish;
}
