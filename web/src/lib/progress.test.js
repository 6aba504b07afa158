import { describe, expect, it, vi } from 'vitest';
import { followSubmission, initialProgress, isBusy, progressFraction, progressLabel, progressReducer } from './progress.js';

const run = (actions, state = initialProgress) => actions.reduce(progressReducer, state);

describe('progress', () => {
  it('goes submitting, queued, compiling, test k of n, done', () => {
    let s = run([{ type: 'submitting' }]);
    expect(progressLabel(s)).toBe('Submitting…');
    s = run([{ type: 'submitted', id: 17 }, { type: 'queued' }], s);
    expect(s.id).toBe(17);
    expect(progressLabel(s)).toBe('Queued…');
    s = run([{ type: 'compiling' }], s);
    expect(progressLabel(s)).toBe('Compiling…');
    expect(isBusy(s)).toBe(true);
    const tests = Array.from({ length: 11 }, (_, i) => ({ type: 'test', data: { index: i + 1, total: 40, verdict: 'AC', cpu_ms: 3 } }));
    s = run(tests, s);
    expect(s.done).toBe(11);
    expect(progressLabel(s)).toBe('Test 12 of 40');
    expect(progressFraction(s)).toBeCloseTo(11 / 40);
    s = run([{ type: 'done', submission: { id: 17, status: 'done', verdict: 'AC', total_tests: 40, tests: new Array(40).fill({ verdict: 'AC' }) } }], s);
    expect(s.phase).toBe('done');
    expect(isBusy(s)).toBe(false);
    expect(s.done).toBe(40);
    expect(progressFraction(s)).toBe(1);
  });

  it('counts tests the same with 0-based indices', () => {
    const s = run([{ type: 'submitted', id: 1 }, ...[0, 1, 2].map((index) => ({ type: 'test', data: { index, total: 5 } }))]);
    expect(s.done).toBe(3);
    expect(progressLabel(s)).toBe('Test 4 of 5');
  });

  it('never passes the total', () => {
    const s = run([{ type: 'submitted', id: 1 }, ...[1, 2, 3, 4].map((index) => ({ type: 'test', data: { index, total: 3 } }))]);
    expect(s.done).toBe(3);
    expect(progressLabel(s)).toBe('Test 3 of 3');
  });

  it('ignores late events after done', () => {
    const done = run([{ type: 'submitted', id: 1 }, { type: 'done', submission: { id: 1, status: 'done', verdict: 'WA' } }]);
    expect(run([{ type: 'test', data: { index: 1, total: 2 } }, { type: 'compiling' }], done)).toBe(done);
  });

  it('reports errors', () => {
    const s = run([{ type: 'submitting' }, { type: 'error', message: 'busy' }]);
    expect(progressLabel(s)).toBe('busy');
    expect(isBusy(s)).toBe(false);
  });
});

class FakeEventSource {
  static last = null;
  constructor(url) {
    this.url = url;
    this.listeners = {};
    this.readyState = 1;
    this.closed = false;
    FakeEventSource.last = this;
  }
  addEventListener(type, fn) {
    (this.listeners[type] ||= []).push(fn);
  }
  emit(type, data) {
    for (const fn of this.listeners[type] || []) fn({ data: data === undefined ? '' : JSON.stringify(data) });
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
}

describe('followSubmission', () => {
  it('dispatches the server events and closes on done', () => {
    const actions = [];
    followSubmission(5, (a) => actions.push(a), { eventsUrl: '/api/submissions/5/events', EventSourceImpl: FakeEventSource, fetchSubmission: vi.fn() });
    const es = FakeEventSource.last;
    expect(es.url).toBe('/api/submissions/5/events');
    es.emit('queued', {});
    es.emit('compiling', {});
    es.emit('test', { index: 1, total: 2, verdict: 'AC', cpu_ms: 1 });
    es.emit('done', { id: 5, status: 'done', verdict: 'AC' });
    es.emit('test', { index: 2, total: 2 });
    expect(actions.map((a) => a.type)).toEqual(['queued', 'compiling', 'test', 'done']);
    expect(actions[3].submission.verdict).toBe('AC');
    expect(es.closed).toBe(true);
  });

  it('falls back to polling when the stream keeps failing', async () => {
    vi.useFakeTimers();
    const actions = [];
    const subs = [{ id: 5, status: 'running', tests: [{}] }, { id: 5, status: 'done', verdict: 'TLE', tests: [{}, {}] }];
    const fetchSubmission = vi.fn(async () => subs.shift());
    followSubmission(5, (a) => actions.push(a), { eventsUrl: 'x', EventSourceImpl: FakeEventSource, fetchSubmission, pollMs: 100 });
    const es = FakeEventSource.last;
    es.onerror();
    es.onerror();
    es.onerror();
    expect(es.closed).toBe(true);
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(150);
    expect(fetchSubmission).toHaveBeenCalledTimes(2);
    const last = run(actions, run([{ type: 'submitted', id: 5 }]));
    expect(last.phase).toBe('done');
    expect(last.submission.verdict).toBe('TLE');
    vi.useRealTimers();
  });
});
