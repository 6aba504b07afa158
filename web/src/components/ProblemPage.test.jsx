import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';

// Monaco does not run in happy-dom: a textarea stands in for the editor.
vi.mock('./CodeEditor.jsx', () => ({
  default: function FakeEditor({ language, initialValue, replace, onChange, errors }) {
    const { useEffect, useState } = require('react');
    const [v, setV] = useState(initialValue);
    useEffect(() => setV(initialValue), [language]); // a model per language
    useEffect(() => {
      if (replace && replace.language === language) setV(replace.code);
    }, [replace]);
    return (
      <div>
        <textarea data-testid="fake-editor" value={v} onChange={(e) => { setV(e.target.value); onChange(e.target.value); }} />
        <span data-testid="markers">{JSON.stringify((errors || []).map((e) => e.line))}</span>
      </div>
    );
  },
}));

import ProblemPage from './ProblemPage.jsx';
import ProblemList from './ProblemList.jsx';
import { resetSession } from '../lib/session.js';

const PROBLEM = {
  slug: 'two-sum', title: 'Two Sum', difficulty: 'Easy', tags: ['Array'], kind: 'function', statement: 'Find two.',
  signature: { name: 'twoSum', params: [{ name: 'nums', type: 'integer[]' }, { name: 'target', type: 'integer' }], return: { type: 'integer[]' } },
  starter: { python3: 'class Solution:\n    pass', cpp: 'class Solution {};' },
  samples: [{ input: '[2,7,11,15]\n9\n', answer: '[0,1]\n' }, { input: '[3,2,4]\n6\n', answer: '[1,2]\n' }],
  limits: { time_ms: 2000, memory_mb: 256 },
};
const LANGS = [{ id: 'python3', name: 'Python 3', monaco: 'python' }, { id: 'cpp', name: 'C++', monaco: 'cpp' }];

let routes;
let calls;
function json(status, body) {
  return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
}
beforeEach(() => {
  resetSession({ status: 'ready', user: { id: 1, username: 'ada', admin: false }, error: null });
  window.location.hash = '#/problems/two-sum';
  calls = [];
  routes = {
    'GET /api/problems/two-sum': () => json(200, PROBLEM),
    'GET /api/languages': () => json(200, LANGS),
    'GET /api/submissions': () => json(200, { submissions: [], next_before: null }),
  };
  vi.stubGlobal('fetch', vi.fn((url, opts = {}) => {
    const method = opts.method || 'GET';
    const path = String(url).split('?')[0];
    calls.push({ method, url: String(url), body: opts.body ? JSON.parse(opts.body) : undefined });
    const h = routes[`${method} ${path}`];
    return h ? h(opts) : json(404, { error: { code: 'not_found', message: `no ${path}` } });
  }));
});
afterEach(() => vi.unstubAllGlobals());

const editor = () => screen.findByTestId('fake-editor');

describe('problem page', () => {
  it('keeps a draft per language and restores it', async () => {
    render(<ProblemPage slug="two-sum" />);
    expect((await editor()).value).toBe('class Solution:\n    pass');
    fireEvent.change(await editor(), { target: { value: 'python draft' } });
    fireEvent.change(screen.getByTestId('language'), { target: { value: 'cpp' } });
    await waitFor(async () => expect((await editor()).value).toBe('class Solution {};'));
    fireEvent.change(await editor(), { target: { value: 'cpp draft' } });
    fireEvent.change(screen.getByTestId('language'), { target: { value: 'python3' } });
    await waitFor(async () => expect((await editor()).value).toBe('python draft'));
    expect(window.localStorage.getItem('gavel.v1.draft:two-sum:cpp')).toBe('cpp draft');
  });

  it('reopens with the saved language and draft', async () => {
    window.localStorage.setItem('gavel.v1.lang:two-sum', 'cpp');
    window.localStorage.setItem('gavel.v1.draft:two-sum:cpp', 'saved cpp');
    render(<ProblemPage slug="two-sum" />);
    expect((await editor()).value).toBe('saved cpp');
    expect(screen.getByTestId('language').value).toBe('cpp');
  });

  it('reset to starter replaces the draft', async () => {
    window.localStorage.setItem('gavel.v1.draft:two-sum:python3', 'mine');
    render(<ProblemPage slug="two-sum" />);
    expect((await editor()).value).toBe('mine');
    fireEvent.click(screen.getByTestId('reset'));
    await waitFor(async () => expect((await editor()).value).toBe('class Solution:\n    pass'));
    expect(window.localStorage.getItem('gavel.v1.draft:two-sum:python3')).toBeNull();
  });

  it('shows the samples as editable fields per parameter and adds a case', async () => {
    render(<ProblemPage slug="two-sum" />);
    await editor();
    expect(screen.getByTestId('field-nums').value).toBe('[2,7,11,15]');
    expect(screen.getByTestId('field-target').value).toBe('9');
    fireEvent.click(screen.getByTestId('add-case'));
    expect(screen.getByTestId('testcase-2')).toBeTruthy();
    fireEvent.change(screen.getByTestId('field-target'), { target: { value: '10' } });
    expect(JSON.parse(window.localStorage.getItem('gavel.v1.cases:two-sum'))[2]).toBe('[2,7,11,15]\n10');
  });

  it('Ctrl+Enter runs the samples and a custom case; a compile error marks lines', async () => {
    routes['POST /api/run'] = (opts) => {
      const body = JSON.parse(opts.body);
      if (body.code.includes('broken')) return json(200, { verdict: 'CE', compile_output: '  File "solution.py", line 3\n    broken\n    ^\nSyntaxError: invalid syntax\n', cases: [] });
      if (body.input) return json(200, { verdict: 'AC', compile_output: '', cases: [{ input: body.input, output: '[0,1]', stdout: '', expected: null, verdict: 'AC', cpu_ms: 1, memory_kb: 1, message: '' }] });
      return json(200, { verdict: 'AC', compile_output: '', cases: PROBLEM.samples.map((s) => ({ input: s.input, output: s.answer.trim(), stdout: '', expected: s.answer.trim(), verdict: 'AC', cpu_ms: 2, memory_kb: 1, message: '' })) });
    };
    render(<ProblemPage slug="two-sum" />);
    await editor();
    fireEvent.click(screen.getByTestId('add-case'));
    fireEvent.change(screen.getByTestId('field-target'), { target: { value: '18' } });
    fireEvent.keyDown(window, { key: 'Enter', ctrlKey: true });
    await screen.findByTestId('run-result');
    const runs = calls.filter((c) => c.method === 'POST');
    expect(runs.length).toBe(2);
    expect(runs[0].body.input).toBeUndefined();
    expect(runs[1].body.input).toBe('[2,7,11,15]\n18\n');
    expect(screen.getAllByTestId(/^case-tab-/).map((t) => t.dataset.pass)).toEqual(['true', 'true', 'true']);

    fireEvent.change(await editor(), { target: { value: 'broken' } });
    await waitFor(() => expect(screen.getByTestId('run').disabled).toBe(false));
    fireEvent.click(screen.getByTestId('run'));
    await screen.findByTestId('compile-output');
    expect(screen.getByTestId('markers').textContent).toBe('[3]');
  });

  it('Ctrl+Shift+Enter submits, follows the events and shows the verdict', async () => {
    const sources = [];
    class ES {
      constructor(url) { this.url = url; this.l = {}; sources.push(this); }
      addEventListener(t, f) { (this.l[t] ||= []).push(f); }
      emit(t, d) { for (const f of this.l[t] || []) f({ data: JSON.stringify(d) }); }
      close() { this.closed = true; }
    }
    vi.stubGlobal('EventSource', ES);
    routes['POST /api/submissions'] = () => json(202, { id: 9, status: 'queued' });
    render(<ProblemPage slug="two-sum" />);
    await editor();
    fireEvent.keyDown(window, { key: 'Enter', ctrlKey: true, shiftKey: true });
    await waitFor(() => expect(sources.length).toBe(1));
    expect(sources[0].url).toBe('/api/submissions/9/events');
    act(() => {
      sources[0].emit('compiling', {});
      sources[0].emit('test', { index: 1, total: 3, verdict: 'AC' });
    });
    expect(screen.getByTestId('progress-label').textContent).toBe('Test 2 of 3');
    expect(screen.getByTestId('submit').disabled).toBe(true);
    act(() => sources[0].emit('done', { id: 9, problem: 'two-sum', language: 'python3', status: 'done', verdict: 'AC', cpu_ms: 4, memory_kb: 2048, total_tests: 3, tests: [{}, {}, {}], beats: { time: 50, memory: 60 } }));
    expect(screen.getByTestId('verdict').dataset.verdict).toBe('AC');
    expect(JSON.parse(window.localStorage.getItem('gavel.v1.status'))).toEqual({ 'two-sum': 'solved' });
  });

  it('a server error on submit is a message, not a blank page', async () => {
    routes['POST /api/submissions'] = () => json(429, { error: { code: 'busy', message: 'Too many submissions in the queue' } });
    render(<ProblemPage slug="two-sum" />);
    await editor();
    fireEvent.click(screen.getByTestId('submit'));
    expect((await screen.findByRole('alert')).textContent).toContain('Too many submissions');
  });

  it('an unknown problem says so', async () => {
    render(<ProblemPage slug="nope" />);
    expect((await screen.findByRole('alert')).textContent).toContain('no problem called');
  });

  it('history: opens a submission and loads it into the editor', async () => {
    routes['GET /api/submissions'] = () => json(200, { submissions: [{ id: 4, problem: 'two-sum', language: 'cpp', verdict: 'AC', status: 'done', cpu_ms: 3, memory_kb: 900, created_at: new Date().toISOString() }], next_before: null });
    routes['GET /api/submissions/4'] = () => json(200, { id: 4, problem: 'two-sum', language: 'cpp', code: 'old cpp code', status: 'done', verdict: 'AC', cpu_ms: 3, memory_kb: 900, total_tests: 3, tests: [], beats: null, created_at: new Date().toISOString() });
    render(<ProblemPage slug="two-sum" initialTab="submissions" />);
    await editor();
    const row = await screen.findByTestId('submission-row');
    expect(row.textContent).toContain('Accepted');
    expect(row.textContent).toContain('C++');
    fireEvent.click(screen.getByLabelText('Open submission 4'));
    expect((await screen.findByTestId('submission-code')).textContent).toBe('old cpp code');
    fireEvent.click(screen.getByTestId('load-into-editor'));
    await waitFor(async () => expect((await editor()).value).toBe('old cpp code'));
    expect(screen.getByTestId('language').value).toBe('cpp');
  });
});

describe('problem page and accounts', () => {
  it('anonymous Run and Submit send the user to log in, keeping the draft', async () => {
    resetSession({ status: 'ready', user: null, error: null });
    render(<ProblemPage slug="two-sum" />);
    fireEvent.change(await editor(), { target: { value: 'my draft' } });
    expect(screen.getByTestId('notice').textContent).toContain('log in to run and submit');
    fireEvent.click(screen.getByTestId('run'));
    expect(window.location.hash).toBe('#/login?next=%2Fproblems%2Ftwo-sum');
    window.location.hash = '#/problems/two-sum';
    fireEvent.keyDown(window, { key: 'Enter', ctrlKey: true, shiftKey: true });
    expect(window.location.hash).toBe('#/login?next=%2Fproblems%2Ftwo-sum');
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
    expect(window.localStorage.getItem('gavel.v1.draft:two-sum:python3')).toBe('my draft');
    // the Submissions tab asks to log in instead of calling the API
    fireEvent.click(screen.getByText('Submissions'));
    expect(screen.getByTestId('submissions-login')).toBeTruthy();
    expect(calls.some((c) => c.url.startsWith('/api/submissions'))).toBe(false);
  });

  it('a 401 on submit (session ended) forgets the user and goes to log in', async () => {
    routes['POST /api/submissions'] = () => json(401, { error: { code: 'unauthorized', message: 'log in first' } });
    render(<ProblemPage slug="two-sum" />);
    await editor();
    fireEvent.click(screen.getByTestId('submit'));
    await waitFor(() => expect(window.location.hash).toBe('#/login?next=%2Fproblems%2Ftwo-sum'));
    const { getSession } = await import('../lib/session.js');
    expect(getSession().user).toBeNull();
  });

  it('opened from My submissions: that submission is in the editor and open on the left', async () => {
    routes['GET /api/submissions/7'] = () => json(200, { id: 7, problem: 'two-sum', language: 'cpp', code: 'code of seven', status: 'done', verdict: 'WA', failed_test: 2, total_tests: 3, tests: [], created_at: new Date().toISOString() });
    render(<ProblemPage slug="two-sum" loadId={7} />);
    await waitFor(async () => expect((await editor()).value).toBe('code of seven'));
    expect(screen.getByTestId('language').value).toBe('cpp');
    expect(screen.getByTestId('notice').textContent).toContain('#7');
    expect((await screen.findByTestId('submission-code')).textContent).toBe('code of seven');
  });
});

describe('problem list', () => {
  const LIST = [
    { slug: 'two-sum', title: 'Two Sum', difficulty: 'Easy', tags: ['Array', 'Hash Table'], accepted: 1, submissions: 2, acceptance: 0.5 },
    { slug: 'coin-change', title: 'Coin Change', difficulty: 'Medium', tags: ['Dynamic Programming'], accepted: 0, submissions: 0, acceptance: 0 },
  ];
  it('lists, searches and filters, with marks', async () => {
    routes['GET /api/problems'] = () => json(200, LIST);
    window.localStorage.setItem('gavel.v1.status', JSON.stringify({ 'two-sum': 'solved' }));
    render(<ProblemList />);
    await screen.findByText('Two Sum');
    expect(screen.getByText('50.0 %')).toBeTruthy();
    expect(screen.getByLabelText('Solved')).toBeTruthy();
    fireEvent.change(screen.getByPlaceholderText('Search by title'), { target: { value: 'coin' } });
    expect(screen.queryByText('Two Sum')).toBeNull();
    fireEvent.change(screen.getByPlaceholderText('Search by title'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Difficulty'), { target: { value: 'Easy' } });
    expect(screen.queryByText('Coin Change')).toBeNull();
    fireEvent.change(screen.getByLabelText('Difficulty'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Tag'), { target: { value: 'Dynamic Programming' } });
    expect(screen.queryByText('Two Sum')).toBeNull();
    expect(screen.getByText('Coin Change')).toBeTruthy();
  });

  it("an admin's list marks hidden drafts", async () => {
    routes['GET /api/problems'] = () => json(200, [LIST[0], { ...LIST[1], hidden: true }]);
    render(<ProblemList />);
    await screen.findByText('Coin Change');
    const marks = screen.getAllByText('hidden');
    expect(marks.length).toBe(1);
    expect(marks[0].closest('tr').dataset.slug).toBe('coin-change');
  });

  it('shows a server error with a retry', async () => {
    routes['GET /api/problems'] = () => json(500, { error: { code: 'internal', message: 'database is locked' } });
    render(<ProblemList />);
    expect((await screen.findByRole('alert')).textContent).toContain('database is locked');
    routes['GET /api/problems'] = () => json(200, LIST);
    fireEvent.click(screen.getByText('Retry'));
    await screen.findByText('Two Sum');
  });
});
