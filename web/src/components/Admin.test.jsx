import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ProblemEditor } from './AdminEdit.jsx';
import AdminProblems from './AdminProblems.jsx';
import { resetSession } from '../lib/session.js';
import { setCsrfToken } from '../lib/api.js';
import { fakeServer, json } from '../testing/fakeServer.js';

const ADMIN = { id: 1, username: 'root', admin: true };
let srv;
beforeEach(() => {
  setCsrfToken('adm');
  resetSession({ status: 'ready', user: ADMIN, error: null });
  window.location.hash = '#/admin/problems/new';
  srv = fakeServer({
    'GET /api/languages': () => json(200, [{ id: 'python3', name: 'Python 3' }, { id: 'cpp', name: 'C++' }]),
  });
});
afterEach(() => vi.unstubAllGlobals());

const fill = (label, value) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const pick = (testid, files) => {
  const el = screen.getByTestId(testid);
  Object.defineProperty(el, 'files', { value: files, configurable: true });
  fireEvent.change(el);
};
const file = (name, text) => new File([text], name, { type: 'text/plain' });

describe('admin problem editor', () => {
  it('a new problem: the form, uploaded tests -> the PUT body; the preview follows the statement', async () => {
    srv.routes['GET /api/admin/problems'] = () => json(200, { problems: [] });
    srv.routes['PUT /api/admin/problems/add-two'] = () => json(201, { slug: 'add-two', hidden: true, tests: 3 });
    render(<ProblemEditor slug={null} />);
    fill('Slug (its address)', 'add-two');
    fill('Title', 'Add Two');
    fill('Difficulty', 'Medium');
    fill('Tags', 'Math, Basics');
    fill('Time limit (ms)', '1000');
    fill('Memory limit (MB)', '64');
    fill('Statement', 'Return **a + b**.');
    expect(within(screen.getByTestId('preview')).getByText('a + b').tagName).toBe('STRONG');
    expect(within(screen.getByTestId('preview')).getByText('Add Two')).toBeTruthy();
    fill('Signature', '{"name": "add", "params": [{"name": "a", "type": "integer"}, {"name": "b", "type": "integer"}], "return": {"type": "integer"}}');
    fill('Compare answers', 'unordered');
    fill('Starter code, Python 3', 'class Solution:\n    def add(self, a, b):\n        pass\n');
    fireEvent.click(screen.getByText('+ Add'));
    fill('01 input', '1\n2\n');
    fill('01 answer', '3\n');
    pick('test-files', [file('b.ans', '7\n'), file('a.in', '2\n2\n'), file('a.ans', '4\n'), file('b.in', '3\n4\n'), file('c.in', '')]);
    await waitFor(() => expect(screen.getAllByTestId('test-item').map((t) => t.dataset.name)).toEqual(['01', 'a', 'b']));
    expect(screen.getByTestId('file-problems').textContent).toContain('c.in has no c.ans');
    expect(screen.getByTestId('unsaved')).toBeTruthy();
    fireEvent.click(screen.getByTestId('save'));
    await waitFor(() => expect(screen.getByTestId('editor-message').textContent).toMatch(/Saved add-two: 3 tests, hidden/));
    const put = srv.calls.find((c) => c.method === 'PUT');
    expect(put.headers['X-CSRF-Token']).toBe('adm');
    expect(put.body).toEqual({
      title: 'Add Two',
      difficulty: 'Medium',
      tags: ['Math', 'Basics'],
      kind: 'function',
      statement: 'Return **a + b**.',
      signature: { name: 'add', params: [{ name: 'a', type: 'integer' }, { name: 'b', type: 'integer' }], return: { type: 'integer' } },
      compare: { mode: 'unordered' },
      limits: { time_ms: 1000, memory_mb: 64 },
      starter: { python3: 'class Solution:\n    def add(self, a, b):\n        pass\n' },
      samples: [{ name: '01', input: '1\n2\n', answer: '3\n' }],
      tests: [
        { name: 'a', input: '2\n2\n', answer: '4\n' },
        { name: 'b', input: '3\n4\n', answer: '7\n' },
      ],
      hidden: true,
    });
    expect(window.location.hash).toBe('#/admin/problems/add-two');
    expect(screen.queryByTestId('unsaved')).toBeNull();
  });

  it('a new problem never overwrites an existing slug', async () => {
    srv.routes['GET /api/admin/problems'] = () => json(200, { problems: [{ slug: 'taken', title: 'Taken', difficulty: 'Easy', tags: [], hidden: false, authored: true }] });
    render(<ProblemEditor slug={null} />);
    fill('Slug (its address)', 'taken');
    fill('Title', 'Mine');
    fill('Statement', 'x');
    fireEvent.click(screen.getByTestId('save'));
    await waitFor(() => expect(screen.getByTestId('error-slug').textContent).toMatch(/already a problem/));
    expect(srv.calls.filter((c) => c.method !== 'GET')).toEqual([]);
  });

  it('refuses to send a broken form and marks the fields', async () => {
    render(<ProblemEditor slug={null} />);
    fill('Slug (its address)', 'Not A Slug');
    fill('Signature', '{oops');
    fireEvent.click(screen.getByTestId('save'));
    expect(screen.getByTestId('editor-message').textContent).toBe('Fix the marked fields first.');
    expect(screen.getByTestId('error-slug')).toBeTruthy();
    expect(screen.getByTestId('error-title')).toBeTruthy();
    expect(screen.getByTestId('error-signature').textContent).toMatch(/not valid/);
    expect(srv.calls.filter((c) => c.method !== 'GET')).toEqual([]);
  });

  it('an existing problem: edits, runs the reference solution (saving first), shows per-test verdicts, publishes', async () => {
    let def = { title: 'Echo', difficulty: 'Easy', tags: [], kind: 'stdio', statement: 'Echo it.', limits: { time_ms: 1000, memory_mb: 64 }, starter: {}, samples: [{ name: '1', input: 'a\n', answer: 'a\n' }], tests: [{ name: 'h1', input: 'b\n', answer: 'b\n' }], hidden: true };
    srv.routes['GET /api/admin/problems/echo'] = () => json(200, def);
    srv.routes['PUT /api/admin/problems/echo'] = ({ body }) => {
      def = body;
      return json(200, { slug: 'echo', hidden: body.hidden, tests: 2 });
    };
    srv.routes['POST /api/admin/problems/echo/check'] = () =>
      json(200, { verdict: 'WA', compile_output: '', cases: [
        { name: '1', verdict: 'AC', cpu_ms: 10, wall_ms: 12, memory_kb: 9000, message: '' },
        { name: 'h1', verdict: 'WA', cpu_ms: 11, wall_ms: 13, memory_kb: 9100, message: 'expected b' },
      ] });
    srv.routes['POST /api/admin/problems/echo/visibility'] = ({ body }) => json(200, { slug: 'echo', hidden: body.hidden });
    render(<ProblemEditor slug="echo" />);
    await waitFor(() => expect(screen.getByLabelText('Title').value).toBe('Echo'));
    expect(screen.queryByLabelText('Signature')).toBeNull(); // stdio
    expect(screen.getByTestId('visibility').textContent).toBe('Hidden');
    fill('Title', 'Echo!');
    fill('Reference solution', 'print(input())');
    fireEvent.click(screen.getByTestId('run-check'));
    await screen.findByTestId('check-result');
    const order = srv.calls.filter((c) => c.method !== 'GET').map((c) => `${c.method} ${c.path}`);
    expect(order).toEqual(['PUT /api/admin/problems/echo', 'POST /api/admin/problems/echo/check']);
    expect(def.title).toBe('Echo!');
    expect(srv.calls.at(-1).body).toEqual({ language: 'python3', code: 'print(input())' });
    expect(screen.getAllByTestId('check-case').map((r) => r.dataset.verdict)).toEqual(['AC', 'WA']);
    expect(screen.getByTestId('check-summary').textContent).toBe('1 of 2 tests passed');
    fireEvent.click(screen.getByTestId('publish'));
    await waitFor(() => expect(screen.getByTestId('visibility').textContent).toBe('Visible'));
    expect(srv.calls.at(-1)).toMatchObject({ method: 'POST', path: '/api/admin/problems/echo/visibility', body: { hidden: false } });
    expect(screen.getByTestId('publish').textContent).toContain('Hide');
  });

  it('a catalog problem is read only, but its reference check runs', async () => {
    srv.routes['GET /api/admin/problems/two-sum'] = () => json(200, { slug: 'two-sum', authored: false, title: 'Two Sum', difficulty: 'Easy', tags: [], kind: 'stdio', statement: 'x', limits: { time_ms: 1000, memory_mb: 64 }, starter: {}, samples: [], tests: [], hidden: false });
    srv.routes['POST /api/admin/problems/two-sum/check'] = () => json(200, { verdict: 'AC', compile_output: null, cases: [{ name: 'secret/1', verdict: 'AC', cpu_ms: 1, wall_ms: 2, memory_kb: 3, message: null }] });
    render(<ProblemEditor slug="two-sum" />);
    await screen.findByTestId('catalog');
    expect(screen.getByTestId('save').disabled).toBe(true);
    expect(screen.getByLabelText('Title').closest('fieldset').disabled).toBe(true);
    fill('Reference solution', 'print(1)');
    fireEvent.click(screen.getByTestId('run-check'));
    await screen.findByTestId('check-result');
    expect(srv.calls.filter((c) => c.method !== 'GET').map((c) => `${c.method} ${c.path}`)).toEqual(['POST /api/admin/problems/two-sum/check']);
  });

  it('a Kattis zip is posted raw, then the form shows what was imported', async () => {
    srv.routes['POST /api/admin/problems/pkg/package'] = () => json(201, { slug: 'pkg', hidden: true, tests: 5 });
    srv.routes['GET /api/admin/problems'] = () => json(200, { problems: [] });
    srv.routes['GET /api/admin/problems/pkg'] = () => json(200, { title: 'From Zip', difficulty: 'Hard', tags: [], kind: 'stdio', statement: 'zipped', limits: { time_ms: 2000, memory_mb: 256 }, starter: {}, samples: [], tests: [{ name: 't', input: '', answer: '' }], hidden: true });
    render(<ProblemEditor slug={null} />);
    fill('Slug (its address)', 'pkg');
    const zip = new File([new Uint8Array([80, 75, 3, 4])], 'pkg.zip', { type: 'application/zip' });
    pick('package-file', [zip]);
    await waitFor(() => expect(screen.getByLabelText('Title').value).toBe('From Zip'));
    const post = srv.calls.find((c) => c.method === 'POST');
    expect(post.path).toBe('/api/admin/problems/pkg/package');
    expect(post.headers['Content-Type']).toBe('application/zip');
    expect(post.body).toBe(zip);
    expect(screen.getByTestId('editor-message').textContent).toBe('Imported pkg.zip: 5 tests.');
  });
});

describe('admin problem list', () => {
  it('lists hidden problems too, toggles visibility and rejudges', async () => {
    srv.routes['GET /api/admin/problems'] = () =>
      json(200, { problems: [
        { slug: 'two-sum', title: 'Two Sum', difficulty: 'Easy', tags: [], hidden: false, authored: false, submissions: 4 },
        { slug: 'draft', title: 'Draft', difficulty: 'Hard', tags: [], hidden: true, authored: true, submissions: 0 },
      ] });
    srv.routes['POST /api/admin/problems/draft/visibility'] = ({ body }) => json(200, { slug: 'draft', hidden: body.hidden });
    srv.routes['POST /api/admin/problems/two-sum/rejudge'] = () => json(202, { queued: 4 });
    render(<AdminProblems />);
    const row = (slug) => document.querySelector(`tr[data-slug="${slug}"]`);
    await screen.findByText('Draft');
    expect(within(row('draft')).getByTestId('state').textContent).toBe('Hidden');
    fireEvent.click(within(row('draft')).getByTestId('toggle-hidden'));
    await waitFor(() => expect(within(row('draft')).getByTestId('state').textContent).toBe('Visible'));
    fireEvent.click(within(row('two-sum')).getByTestId('rejudge'));
    expect((await within(row('two-sum')).findByTestId('row-note')).textContent).toBe('Queued 4 submissions again');
    expect(srv.calls.filter((c) => c.method === 'POST').every((c) => c.headers['X-CSRF-Token'] === 'adm')).toBe(true);
  });

  it('a non-admin is told, and nothing is asked of the server', () => {
    resetSession({ status: 'ready', user: { ...ADMIN, admin: false }, error: null });
    render(<AdminProblems />);
    expect(screen.getByTestId('need-admin')).toBeTruthy();
    expect(srv.calls.length).toBe(0);
  });
});
