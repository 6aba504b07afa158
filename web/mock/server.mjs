// A small stand-in for `gavel serve`, for developing the UI without the C
// server. Answers shaped exactly like docs/api.md; "judges" by looking at
// the code (see fakeJudge). Serves ../dist when it exists.
//   node mock/server.mjs [port]       (default 8787, 127.0.0.1 only)
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const dist = path.resolve(here, '..', 'dist');
const port = Number(process.argv[2] || process.env.PORT || 8787);

const TWO_SUM = {
  slug: 'two-sum',
  title: 'Two Sum',
  difficulty: 'Easy',
  tags: ['Array', 'Hash Table'],
  kind: 'function',
  statement:
    'Given an array of integers `nums` and an integer `target`, return the indices of the two numbers that add up to `target`.\n\nEach input has exactly one solution, and you may not use the same element twice. Return the answer in any order.\n\n## Example 1\n\n```\nInput: nums = [2,7,11,15], target = 9\nOutput: [0,1]\n```\n\n## Example 2\n\n```\nInput: nums = [3,2,4], target = 6\nOutput: [1,2]\n```\n\n## Constraints\n\n- `2 <= nums.length <= 10^4`\n- `-10^9 <= nums[i] <= 10^9`\n- Only one valid answer exists.\n\n<script>alert("xss")</script> <img src=x onerror="alert(1)">',
  signature: {
    name: 'twoSum',
    params: [
      { name: 'nums', type: 'integer[]' },
      { name: 'target', type: 'integer' },
    ],
    return: { type: 'integer[]' },
  },
  starter: {
    python3: 'class Solution:\n    def twoSum(self, nums: List[int], target: int) -> List[int]:\n        ',
    cpp: 'class Solution {\npublic:\n    vector<int> twoSum(vector<int>& nums, int target) {\n        \n    }\n};',
  },
  samples: [
    { input: '[2,7,11,15]\n9\n', answer: '[0,1]\n' },
    { input: '[3,2,4]\n6\n', answer: '[1,2]\n' },
    { input: '[3,3]\n6\n', answer: '[0,1]\n' },
  ],
  limits: { time_ms: 2000, memory_mb: 256 },
};

function loadRepoProblems() {
  const out = [];
  const dir = path.join(root, 'problems');
  let names = [];
  try {
    names = fs.readdirSync(dir).filter((n) => !n.startsWith('_'));
  } catch {
    return [TWO_SUM];
  }
  if (!names.includes('two-sum')) out.push(TWO_SUM);
  for (const slug of names.sort()) {
    try {
      const meta = JSON.parse(fs.readFileSync(path.join(dir, slug, 'problem.json'), 'utf8'));
      const read = (...p) => {
        try {
          return fs.readFileSync(path.join(dir, slug, ...p), 'utf8');
        } catch {
          return null;
        }
      };
      const starter = {};
      for (const [id, file] of [['python3', 'python3.py'], ['cpp', 'cpp.cpp']]) {
        const s = read('starter', file);
        if (s !== null) starter[id] = s;
      }
      if (!Object.keys(starter).length) {
        starter.python3 = `class Solution:\n    def ${meta.signature?.name || 'solve'}(self):\n        `;
      }
      const samples = [];
      for (let i = 1; i < 10; i++) {
        const n = String(i).padStart(2, '0');
        const input = read('tests', 'sample', `${n}.in`);
        if (input === null) break;
        samples.push({ input, answer: read('tests', 'sample', `${n}.ans`) || '' });
      }
      out.push({
        slug,
        title: meta.title,
        difficulty: meta.difficulty,
        tags: meta.tags || [],
        kind: meta.kind,
        statement: read('statement.md') || `# ${meta.title}\n\n(statement not written yet)`,
        signature: meta.signature || null,
        starter,
        samples,
        limits: meta.limits || { time_ms: 2000, memory_mb: 256 },
      });
    } catch {
      /* an incomplete problem: skip */
    }
  }
  return out;
}

const problems = loadRepoProblems();
const stats = new Map(); // slug -> {accepted, submissions}
const submissions = []; // newest last
let nextId = 1;

const LANGUAGES = [
  { id: 'python3', name: 'Python 3', version: '3.11', monaco: 'python' },
  { id: 'cpp', name: 'C++', version: 'g++ 12, C++17', monaco: 'cpp' },
];

function send(res, status, body) {
  const data = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(data) });
  res.end(data);
}
const fail = (res, status, code, message) => send(res, status, { error: { code, message } });

function readBody(req) {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks = [];
    req.on('data', (c) => {
      size += c.length;
      if (size > 1 << 20) reject(Object.assign(new Error('too large'), { code: 413 }));
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

// The fake judge: CE when the code contains "#error" / "syntax error",
// WA when it contains "wrong", TLE when "while True" / "for(;;)", RE when
// "raise" / "abort()"; else AC.
function fakeJudge(language, code) {
  const lines = code.split('\n');
  const at = (re) => lines.findIndex((l) => re.test(l)) + 1;
  const ceRe = /#error|syntax error|\bsyntaxerror\b|\(\)\s+return\b/i;
  if (ceRe.test(code)) {
    const line = at(ceRe) || at(/\(\)\s*$/) || 1;
    const compile_output =
      language === 'cpp'
        ? `solution.cpp: In member function 'std::vector<int> Solution::twoSum(std::vector<int>&, int)':\nsolution.cpp:${line}:9: error: expected ';' before '}' token\n`
        : `  File "solution.py", line ${line}\n    ${lines[line - 1].trim()}\n    ^\nSyntaxError: invalid syntax\n`;
    return { verdict: 'CE', compile_output };
  }
  if (/while True|for\s*\(;;\)/.test(code)) return { verdict: 'TLE', message: 'CPU time limit (2000 ms) exceeded' };
  if (/\braise\b|abort\(\)/.test(code))
    return { verdict: 'RE', message: 'Traceback (most recent call last):\n  File "solution.py", line 3, in twoSum\nValueError: boom' };
  if (/wrong|return \{0, 1\}|return \[0, 1\]/i.test(code)) return { verdict: 'WA' };
  return { verdict: 'AC' };
}

function runCases(problem, language, code, input) {
  const j = fakeJudge(language, code);
  if (j.verdict === 'CE') return { verdict: 'CE', compile_output: j.compile_output, cases: [] };
  const inputs = input !== undefined ? [{ input, answer: null }] : problem.samples;
  const cases = inputs.map((s, i) => {
    const expected = s.answer === null ? null : s.answer.trim();
    let verdict = j.verdict;
    if (j.verdict === 'WA' && i > 0) verdict = 'AC';
    const output = verdict === 'AC' ? (expected ?? '[0,1]') : verdict === 'WA' ? '[1,1]' : '';
    return { input: s.input, output, stdout: verdict === 'AC' && i === 0 ? 'debug: hello\n' : '', expected, verdict, cpu_ms: 12 + i, memory_kb: 9000 + i * 100, message: j.message || '' };
  });
  const bad = cases.find((c) => c.verdict !== 'AC');
  return { verdict: bad ? bad.verdict : 'AC', compile_output: '', cases };
}

const TOTAL_TESTS = 24;
const listeners = new Map(); // id -> Set(res)

function publish(id, event, data) {
  for (const res of listeners.get(id) || []) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

function startJudging(sub, problem) {
  const j = fakeJudge(sub.language, sub.code);
  const failAt = j.verdict === 'AC' ? 0 : j.verdict === 'WA' ? 2 : 7;
  const total = problem.samples.length + TOTAL_TESTS;
  setTimeout(() => {
    sub.status = 'running';
    publish(sub.id, 'compiling', {});
    if (j.verdict === 'CE') return setTimeout(() => finish(), 300);
    let k = 0;
    const step = () => {
      k++;
      const verdict = failAt && k === failAt ? j.verdict : 'AC';
      const t = { verdict, cpu_ms: 10 + (k % 7), wall_ms: 15 + (k % 7), memory_kb: 9000 + k * 10 };
      sub.tests.push(t);
      publish(sub.id, 'test', { index: k, total, verdict, cpu_ms: t.cpu_ms });
      if ((failAt && k === failAt) || k === total) return finish();
      setTimeout(step, 60);
    };
    setTimeout(step, 300);
  }, 200);

  function finish() {
    sub.status = 'done';
    sub.verdict = j.verdict;
    sub.total_tests = total;
    if (j.verdict === 'CE') sub.compile_output = j.compile_output;
    else {
      sub.cpu_ms = Math.max(...sub.tests.map((t) => t.cpu_ms));
      sub.memory_kb = Math.max(...sub.tests.map((t) => t.memory_kb));
    }
    if (j.verdict !== 'AC' && j.verdict !== 'CE') sub.failed_test = failAt;
    sub.message = j.message || null;
    sub.beats = j.verdict === 'AC' ? { time: 73.5, memory: 41.0 } : null;
    const s = stats.get(sub.problem) || { accepted: 0, submissions: 0 };
    s.submissions++;
    if (j.verdict === 'AC') s.accepted++;
    stats.set(sub.problem, s);
    const { userId, ...shown } = sub;
    publish(sub.id, 'done', shown);
    for (const res of listeners.get(sub.id) || []) res.end();
    listeners.delete(sub.id);
  }
}

function summary(p) {
  const s = stats.get(p.slug) || { accepted: 0, submissions: 0 };
  return { slug: p.slug, title: p.title, difficulty: p.difficulty, tags: p.tags, kind: p.kind, accepted: s.accepted, submissions: s.submissions, acceptance: s.submissions ? s.accepted / s.submissions : 0 };
}

// ---- accounts (the shapes of docs/api.md; nothing here is secure) -------
// An admin to start with: MOCK_ADMIN=name:password (default admin:admin-password).
const users = []; // {id, username, password, admin, created_at}
const sessions = new Map(); // cookie value -> {userId, csrf}
const tokens = []; // {id, userId, name, token, created_at, last_used_at}
const failures = new Map(); // lower name -> failed logins in a row
let nextUser = 1;
let nextToken = 1;
const rnd = () => Math.random().toString(16).slice(2) + Math.random().toString(16).slice(2);
function addUser(username, password, admin = false) {
  const u = { id: nextUser++, username, password, admin, created_at: new Date().toISOString() };
  users.push(u);
  return u;
}
{
  const [n, pw] = (process.env.MOCK_ADMIN || 'admin:admin-password').split(':');
  addUser(n, pw, true);
}
const publicUser = (u) => ({ id: u.id, username: u.username, admin: u.admin, created_at: u.created_at });
const findUser = (name) => users.find((u) => u.username.toLowerCase() === String(name || '').toLowerCase());

function cookieOf(req) {
  const m = /(?:^|;\s*)gavel_session=([^;]+)/.exec(req.headers.cookie || '');
  return m ? m[1] : null;
}
/** {user, session, viaToken} or null */
function principal(req) {
  const auth = req.headers.authorization || '';
  if (auth.startsWith('Bearer ')) {
    const t = tokens.find((x) => x.token === auth.slice(7));
    if (!t) return null;
    t.last_used_at = new Date().toISOString();
    return { user: users.find((u) => u.id === t.userId), session: null, viaToken: true };
  }
  const c = cookieOf(req);
  const s = c && sessions.get(c);
  return s ? { user: users.find((u) => u.id === s.userId), session: s, cookie: c, viaToken: false } : null;
}
function startSession(res, u, status) {
  const c = rnd();
  const s = { userId: u.id, csrf: rnd() };
  sessions.set(c, s);
  res.setHeader('Set-Cookie', `gavel_session=${c}; Path=/; HttpOnly; SameSite=Strict; Max-Age=1209600`);
  send(res, status, { user: publicUser(u), csrf_token: s.csrf });
}
const noContent = (res, extra = {}) => {
  res.writeHead(204, extra);
  res.end();
};
async function jsonBody(req, res) {
  try {
    return JSON.parse((await readBody(req)) || '{}');
  } catch {
    fail(res, 400, 'bad_request', 'the body is not JSON');
    return null;
  }
}
const visible = (p, who) => !p.hidden || (who && who.user.admin);

async function accounts(req, res, parts, who) {
  const method = req.method;
  const route = parts.join('/');
  if (route === 'me') {
    if (!who) return fail(res, 401, 'unauthorized', 'log in first');
    return send(res, 200, { user: publicUser(who.user), csrf_token: who.session ? who.session.csrf : null });
  }
  if (route === 'auth/register' && method === 'POST') {
    const b = await jsonBody(req, res);
    if (!b) return;
    if (!/^[A-Za-z0-9_.-]{3,32}$/.test(b.username || '')) return fail(res, 422, 'invalid', 'a username is 3-32 of A-Z a-z 0-9 _ . -');
    if (typeof b.password !== 'string' || b.password.length < 8) return fail(res, 422, 'invalid', 'a password is 8-256 bytes');
    if (findUser(b.username)) return fail(res, 409, 'conflict', 'that username is taken');
    return startSession(res, addUser(b.username, b.password), 201);
  }
  if (route === 'auth/login' && method === 'POST') {
    const b = await jsonBody(req, res);
    if (!b) return;
    const key = String(b.username || '').toLowerCase();
    if ((failures.get(key) || 0) >= 5) {
      res.setHeader('Retry-After', '30');
      return fail(res, 429, 'rate_limited', 'too many failed logins: wait 30 s');
    }
    const u = findUser(b.username);
    if (!u || u.password !== b.password) {
      failures.set(key, (failures.get(key) || 0) + 1);
      return fail(res, 401, 'unauthorized', 'wrong username or password');
    }
    failures.delete(key);
    return startSession(res, u, 200);
  }
  if (route === 'auth/logout' && method === 'POST') {
    if (who && who.cookie) sessions.delete(who.cookie);
    return noContent(res, { 'Set-Cookie': 'gavel_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0' });
  }
  if (!who) return fail(res, 401, 'unauthorized', 'log in first');
  if (route === 'auth/password' && method === 'POST') {
    const b = await jsonBody(req, res);
    if (!b) return;
    if (b.old_password !== who.user.password) return fail(res, 401, 'unauthorized', 'wrong password');
    if (typeof b.new_password !== 'string' || b.new_password.length < 8) return fail(res, 422, 'invalid', 'a password is 8-256 bytes');
    who.user.password = b.new_password;
    for (const [c, s] of sessions) if (s.userId === who.user.id && c !== who.cookie) sessions.delete(c);
    return noContent(res);
  }
  if (route === 'tokens' && method === 'GET') {
    return send(res, 200, { tokens: tokens.filter((t) => t.userId === who.user.id).map(({ id, name, created_at, last_used_at }) => ({ id, name, created_at, last_used_at })) });
  }
  if (route === 'tokens' && method === 'POST') {
    const b = await jsonBody(req, res);
    if (!b) return;
    if (!b.name || typeof b.name !== 'string') return fail(res, 422, 'invalid', 'a token needs a name');
    const t = { id: nextToken++, userId: who.user.id, name: b.name, token: `gvl_${rnd()}`, created_at: new Date().toISOString(), last_used_at: null };
    tokens.push(t);
    return send(res, 201, { id: t.id, name: t.name, token: t.token });
  }
  if (parts[0] === 'tokens' && parts.length === 2 && method === 'DELETE') {
    const i = tokens.findIndex((t) => String(t.id) === parts[1] && t.userId === who.user.id);
    if (i < 0) return fail(res, 404, 'not_found', 'no such token');
    tokens.splice(i, 1);
    return noContent(res);
  }
  return fail(res, 404, 'not_found', 'no such endpoint');
}

// ---- admin -------------------------------------------------------------
function definition(p) {
  const { slug, title, difficulty, tags, kind, statement, signature, limits, starter, samples, hidden } = p;
  const named = (list) => (list || []).map((t, i) => ({ name: t.name || String(i + 1).padStart(2, '0'), input: t.input, answer: t.answer }));
  return { slug, title, difficulty, tags, kind, statement, ...(kind === 'function' ? { signature, compare: p.compare || { mode: 'exact' } } : {}), limits, starter, samples: named(samples), tests: named(p.tests), hidden: !!hidden, authored: !!p.authored };
}

async function admin(req, res, parts, who) {
  if (!who) return fail(res, 401, 'unauthorized', 'log in first');
  if (!who.user.admin) return fail(res, 403, 'forbidden', 'admins only');
  const method = req.method;
  if (parts.length === 1) return send(res, 200, { problems: problems.map((p) => ({ ...summary(p), hidden: !!p.hidden, authored: !!p.authored })) });
  const slug = parts[1];
  const p = problems.find((x) => x.slug === slug);
  if (parts.length === 2 && method === 'GET') return p ? send(res, 200, definition(p)) : fail(res, 404, 'not_found', `no problem '${slug}'`);
  if (parts.length === 2 && method === 'PUT') {
    if (!/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/.test(slug)) return fail(res, 404, 'not_found', 'not a slug');
    const d = await jsonBody(req, res);
    if (!d) return;
    if (!d.title || !d.statement) return fail(res, 422, 'invalid', 'missing field "title" or "statement"');
    const next = { ...(p || {}), ...d, slug, authored: true, hidden: d.hidden !== false };
    if (p) Object.assign(p, next);
    else problems.push(next);
    problems.sort((a, b) => a.title.localeCompare(b.title));
    return send(res, p ? 200 : 201, { slug, hidden: next.hidden, tests: (d.samples || []).length + (d.tests || []).length });
  }
  if (!p) return fail(res, 404, 'not_found', `no problem '${slug}'`);
  if (parts[2] === 'package') return fail(res, 422, 'invalid', 'the mock cannot read Kattis packages');
  const b = await jsonBody(req, res);
  if (!b) return;
  if (parts[2] === 'visibility') {
    p.hidden = !!b.hidden;
    return send(res, 200, { slug, hidden: p.hidden });
  }
  if (parts[2] === 'rejudge') return send(res, 202, { queued: submissions.filter((x) => x.problem === slug && x.status === 'done').length });
  if (parts[2] === 'check') {
    const j = fakeJudge(b.language, String(b.code || ''));
    if (j.verdict === 'CE') return send(res, 200, { verdict: 'CE', compile_output: j.compile_output, cases: [] });
    const all = [...(p.samples || []).map((t, i) => `sample/${t.name || i + 1}`), ...(p.tests || []).map((t, i) => `secret/${t.name || i + 1}`)];
    const cases = all.map((name, i) => {
      const verdict = j.verdict === 'WA' && i !== 1 ? 'AC' : j.verdict;
      return { name, verdict, cpu_ms: 10 + i, wall_ms: 12 + i, memory_kb: 9000, message: verdict === 'AC' ? null : j.message || 'wrong answer' };
    });
    const bad = cases.find((c) => c.verdict !== 'AC');
    return send(res, 200, { verdict: bad ? bad.verdict : 'AC', compile_output: null, cases });
  }
  return fail(res, 404, 'not_found', 'no such endpoint');
}

async function api(req, res, url) {
  const parts = url.pathname.split('/').filter(Boolean).slice(1); // after "api"
  const method = req.method;
  const who = principal(req);
  // CSRF: a cookie session must send its token on anything that changes state
  if (who && who.session && !['GET', 'HEAD'].includes(method) && req.headers['x-csrf-token'] !== who.session.csrf)
    return fail(res, 403, 'csrf', 'missing or wrong X-CSRF-Token header');
  if (parts[0] === 'me' || parts[0] === 'auth' || parts[0] === 'tokens') return accounts(req, res, parts, who);
  if (parts[0] === 'admin' && parts[1] === 'problems') return admin(req, res, parts.slice(1), who);
  if (parts[0] === 'languages' && parts.length === 1) return send(res, 200, LANGUAGES);
  if (parts[0] === 'problems' && parts.length === 1) {
    const q = (url.searchParams.get('q') || '').toLowerCase();
    const d = url.searchParams.get('difficulty') || '';
    const tag = url.searchParams.get('tag') || '';
    return send(
      res,
      200,
      problems
        .filter((p) => visible(p, who) && (!q || p.title.toLowerCase().includes(q)) && (!d || p.difficulty === d) && (!tag || p.tags.includes(tag)))
        .map((p) => (who && who.user.admin ? { ...summary(p), hidden: !!p.hidden } : summary(p))),
    );
  }
  if (parts[0] === 'problems' && parts.length === 2) {
    const p = problems.find((x) => x.slug === parts[1] && visible(x, who));
    if (!p) return fail(res, 404, 'not_found', `no problem '${parts[1]}'`);
    const { tests, hidden, authored, compare, ...pub } = p;
    return send(res, 200, pub);
  }
  if ((parts[0] === 'run' || parts[0] === 'submissions') && !who) return fail(res, 401, 'unauthorized', 'log in (or send an API token) first');
  if (parts[0] === 'run' && parts.length === 1) {
    if (method !== 'POST') return fail(res, 405, 'method_not_allowed', 'use POST');
    const body = await jsonBody(req, res);
    if (!body) return;
    const p = problems.find((x) => x.slug === body.problem && visible(x, who));
    if (!p) return fail(res, 422, 'invalid', `unknown problem '${body.problem}'`);
    if (!LANGUAGES.some((l) => l.id === body.language)) return fail(res, 422, 'invalid', `unknown language '${body.language}'`);
    await new Promise((r) => setTimeout(r, 400));
    return send(res, 200, runCases(p, body.language, String(body.code || ''), body.input));
  }
  if (parts[0] === 'submissions' && parts.length === 1) {
    if (method === 'POST') {
      const body = await jsonBody(req, res);
      if (!body) return;
      const p = problems.find((x) => x.slug === body.problem && visible(x, who));
      if (!p) return fail(res, 422, 'invalid', `unknown problem '${body.problem}'`);
      if (!LANGUAGES.some((l) => l.id === body.language)) return fail(res, 422, 'invalid', `unknown language '${body.language}'`);
      const sub = {
        id: nextId++, problem: p.slug, language: body.language, code: String(body.code || ''), status: 'queued', verdict: null,
        cpu_ms: null, memory_kb: null, created_at: new Date().toISOString(), compile_output: null, message: null,
        failed_test: null, total_tests: p.samples.length + TOTAL_TESTS, tests: [], beats: null, user: who.user.username, userId: who.user.id,
      };
      submissions.push(sub);
      startJudging(sub, p);
      return send(res, 202, { id: sub.id, status: 'queued' });
    }
    const problem = url.searchParams.get('problem');
    const limit = Math.min(100, Number(url.searchParams.get('limit') || 20));
    const before = Number(url.searchParams.get('before') || Infinity);
    const list = submissions.filter((s) => s.userId === who.user.id && (!problem || s.problem === problem) && s.id < before).reverse();
    const page = list.slice(0, limit);
    return send(res, 200, {
      submissions: page.map(({ id, problem, language, verdict, status, cpu_ms, memory_kb, created_at }) => ({ id, problem, language, verdict, status, cpu_ms, memory_kb, created_at })),
      next_before: list.length > limit ? page[page.length - 1].id : null,
    });
  }
  if (parts[0] === 'submissions' && parts.length >= 2) {
    const sub = submissions.find((s) => String(s.id) === parts[1] && (s.userId === who.user.id || who.user.admin));
    if (!sub) return fail(res, 404, 'not_found', `no submission ${parts[1]}`);
    const { userId, ...shown } = sub;
    if (parts.length === 2) return send(res, 200, shown);
    if (parts[2] === 'events') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
      if (sub.status === 'done') {
        res.write(`event: done\ndata: ${JSON.stringify(shown)}\n\n`);
        return res.end();
      }
      res.write(`event: queued\ndata: {}\n\n`);
      if (!listeners.has(sub.id)) listeners.set(sub.id, new Set());
      listeners.get(sub.id).add(res);
      req.on('close', () => listeners.get(sub.id)?.delete(res));
      return;
    }
  }
  return fail(res, 404, 'not_found', 'no such endpoint');
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.ttf': 'font/ttf', '.svg': 'image/svg+xml', '.png': 'image/png' };

function serveStatic(req, res, url) {
  let p = decodeURIComponent(url.pathname);
  if (p === '/' || !path.extname(p)) p = '/index.html';
  const file = path.resolve(dist, '.' + p);
  if (!file.startsWith(dist) || !fs.existsSync(file)) return fail(res, 404, 'not_found', 'no such file');
  res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  if (url.pathname.startsWith('/api/')) {
    api(req, res, url).catch((e) => fail(res, e.code === 413 ? 413 : 500, e.code === 413 ? 'too_large' : 'internal', String(e.message)));
  } else serveStatic(req, res, url);
});
server.listen(port, '127.0.0.1', () => console.log(`mock gavel on http://127.0.0.1:${server.address().port}/`));
