// End to end: a real `gavel serve` ($GAVEL) with a temporary database,
// driven through Debian's chromium. Prints TAP and "N passed, N failed".
//   GAVEL=/path/to/gavel node e2e/gavel.e2e.mjs
//   E2E_MOCK=1 node e2e/gavel.e2e.mjs     (against web/mock, for UI work)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { assert, launchBrowser, makeAdmin, repoDir, startServer, tap, webDir } from './lib.mjs';

const SLUG = 'two-sum';
const AC_CPP = `class Solution {
public:
    vector<int> twoSum(vector<int>& nums, int target) {
        unordered_map<int, int> seen;
        for (int i = 0; i < (int)nums.size(); i++) {
            auto it = seen.find(target - nums[i]);
            if (it != seen.end()) return {it->second, i};
            seen[nums[i]] = i;
        }
        return {};
    }
};`;
// passes the first sample ([0,1]), fails the second
const WRONG_CPP = `class Solution {
public:
    vector<int> twoSum(vector<int>& nums, int target) {
        return {0, 1};
    }
};`;
// a missing semicolon on line 4
const CE_CPP = `class Solution {
public:
    vector<int> twoSum(vector<int>& nums, int target) {
        int x = nums.size()
        return {x, x};
    }
};`;
const CE_LINE = 4;
const PY_PRINT = `class Solution:
    def twoSum(self, nums, target):
        print("looking at", nums)
        seen = {}
        for i, x in enumerate(nums):
            if target - x in seen:
                return [seen[target - x], i]
            seen[x] = i
`;
const PY_SYNTAX = `class Solution:
    def twoSum(self, nums, target):
        x = (
        return [0, 1]
`;
// what Monaco's auto-indent may change: leading blanks, blank lines
const shape = (code) =>
  String(code)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');

const mock = process.env.E2E_MOCK === '1';
const USER = 'ada';
const PASSWORD = 'correct horse battery';
const USER2 = 'bob';
const ADMIN = 'root';
// a new function problem, written by the admin test
const NEW_SLUG = 'add-two';
const NEW_SIG = { name: 'addTwo', params: [{ name: 'a', type: 'integer' }, { name: 'b', type: 'integer' }], return: { type: 'integer' } };
const NEW_REF_WRONG = 'class Solution:\n    def addTwo(self, a, b):\n        return 0 if a == 5 else a + b\n';
const NEW_REF = 'class Solution:\n    def addTwo(self, a, b):\n        return a + b\n';
const shotDir = process.env.SCREENSHOT_DIR || (mock ? path.join(webDir, '.e2e-tmp', 'screenshots') : path.join(repoDir, 'docs', 'screenshots'));
// on a failure: a picture and the console's text, for whoever reads the log
const T = tap({
  onFail: async (n) => {
    if (!page) return;
    const dir = path.join(webDir, '.e2e-tmp');
    fs.mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: path.join(dir, `failure-${n}.png`) });
    const text = await page.evaluate(() => (document.querySelector('section[aria-label="Console"]') || document.body).innerText);
    for (const l of text.split('\n').slice(0, 30)) console.log(`  # | ${l}`);
    console.log(`  # screenshot: web/.e2e-tmp/failure-${n}.png`);
  },
});
const dist = path.join(webDir, 'dist', 'index.html');
if (!fs.existsSync(dist)) {
  console.log('Bail out! web/dist is missing: run npm run build first');
  process.exit(1);
}
fs.mkdirSync(shotDir, { recursive: true });

let server;
let browser;
let page;
const shot = (name) => page.screenshot({ path: path.join(shotDir, name) });
const editorValue = () => page.evaluate(() => window.__gavelEditor && window.__gavelEditor.getValue());
const waitIdle = () => page.waitForSelector('[data-testid="submit"]:not([disabled])', { timeout: 120000 });

// Real keystrokes into Monaco. Its typing aids (auto-closed brackets,
// auto-indent, suggestions taking Enter) would change what arrives, so
// the test turns them off for this editor first and types the exact text.
async function typeCode(code) {
  await page.evaluate(() =>
    window.__gavelEditor.updateOptions({
      autoClosingBrackets: 'never',
      autoClosingQuotes: 'never',
      autoClosingOvertype: 'never',
      autoSurround: 'never',
      autoIndent: 'none',
      formatOnType: false,
      quickSuggestions: false,
      suggestOnTriggerCharacters: false,
      acceptSuggestionOnEnter: 'off',
      wordBasedSuggestions: 'off',
    }),
  );
  await page.click('[data-testid="editor"] .monaco-editor .view-lines');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(code);
  const v = await editorValue();
  assert(v === code, `the editor holds something else than what was typed:\n${v}\n---\n${code}`);
  return v;
}
let typedAc = null;
let typedCe = null;
let typedPy = null;

// Where the big pieces are: they must not move while judging.
const layout = () =>
  page.evaluate(() =>
    ['[data-testid="editor"]', 'section[aria-label="Console"]', '[data-testid="run"]', '[data-testid="submit"]', 'section[aria-label="Problem"]'].map((sel) => {
      const r = document.querySelector(sel).getBoundingClientRect();
      return `${sel} ${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}x${Math.round(r.height)}`;
    }),
  );
let layouts = [];

async function submitAndWait() {
  await page.click('[data-testid="editor"] .monaco-editor .view-lines');
  // record every progress label the page shows while judging
  await page.evaluate(() => {
    window.__labels = [];
    const seen = () => {
      const el = document.querySelector('[data-testid="progress-label"]');
      if (el && window.__labels[window.__labels.length - 1] !== el.textContent) window.__labels.push(el.textContent);
    };
    window.__obs && window.__obs.disconnect();
    window.__obs = new MutationObserver(seen);
    window.__obs.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  layouts = [await layout()];
  await page.keyboard.press('ControlOrMeta+Shift+Enter');
  await page.waitForSelector('[data-testid="progress"], [data-testid="verdict"], [data-testid="compile-output"]', { timeout: 30000 });
  layouts.push(await layout());
  await page.waitForSelector('[data-testid="verdict"], [data-testid="compile-output"]', { timeout: 180000 });
  await waitIdle();
  layouts.push(await layout());
  return page.evaluate(() => window.__labels);
}

try {
  server = await startServer();
  browser = await launchBrowser({ width: 1280, height: 800 });
  page = await browser.context.newPage();

  await T.test('the problem list shows the catalog', async () => {
    await page.goto(server.base + '/');
    await page.waitForSelector(`tr[data-slug="${SLUG}"]`, { timeout: 30000 });
    const rows = await page.$$('tbody tr[data-slug]');
    assert(rows.length >= 2, `only ${rows.length} problems listed`);
    const diff = await page.textContent(`tr[data-slug="${SLUG}"] td:nth-child(3)`);
    assert(/Easy|Medium|Hard/.test(diff), `no difficulty: ${diff}`);
    await page.fill('#search', 'two');
    const shown = await page.$$eval('tbody tr[data-slug]', (r) => r.map((x) => [x.dataset.slug, x.querySelector('a').textContent]));
    assert(shown.some(([slug]) => slug === SLUG) && shown.every(([, title]) => /two/i.test(title)), `search shows ${JSON.stringify(shown)}`);
    await page.selectOption('#difficulty', 'Hard');
    const hard = await page.$$eval('tbody tr[data-slug] td:nth-child(3)', (r) => r.map((x) => x.textContent));
    assert(hard.every((d) => d === 'Hard'), `difficulty filter shows ${hard}`);
    await page.selectOption('#difficulty', '');
    await page.fill('#search', '');
  });

  await T.test('anonymous: Run sends to log in; register keeps the draft; log out; a wrong password, then log in', async () => {
    assert(await page.isVisible('[data-testid="login-link"]'), 'no Log in link for an anonymous visitor');
    await page.click(`tr[data-slug="${SLUG}"] a`);
    await page.waitForSelector('[data-testid="editor"] .monaco-editor', { timeout: 30000 });
    await page.waitForFunction(() => window.__gavelEditor);
    const draft = await typeCode(PY_PRINT);
    await page.click('[data-testid="run"]');
    await page.waitForSelector('[data-testid="login-form"]');
    assert(page.url().endsWith('#/login?next=%2Fproblems%2Ftwo-sum'), `after an anonymous Run: ${page.url()}`);
    // no account yet: register from the login page
    await page.click('text=No account yet? >> a');
    await page.waitForSelector('[data-testid="register-form"]');
    await page.fill('#username', USER);
    await page.fill('#password', PASSWORD);
    await page.fill('#confirm', 'not the same');
    await page.click('[data-testid="auth-submit"]');
    assert((await page.textContent('[data-testid="auth-error"]')).includes('differ'), 'no mismatch message');
    await shot('register.png');
    await page.fill('#confirm', PASSWORD);
    assert(!(await page.isVisible('[data-testid="auth-error"]')), 'the message stays after an edit');
    await page.click('[data-testid="auth-submit"]');
    // back on the problem, logged in, with the draft
    await page.waitForSelector('[data-testid="editor"] .monaco-editor', { timeout: 30000 });
    await page.waitForFunction(() => window.__gavelEditor);
    assert((await page.textContent('[data-testid="user-name"]')).trim() === USER, 'the header does not name the user');
    assert((await editorValue()) === draft, `the draft is gone after registering:\n${await editorValue()}`);
    // the name is taken now
    await page.click('[data-testid="logout"]');
    await page.waitForSelector('[data-testid="login-link"]');
    assert((await page.evaluate(() => fetch('/api/me').then((r) => r.status))) === 401, 'still logged in after Log out');
    await page.click('[data-testid="register-link"]');
    await page.fill('#username', USER.toUpperCase());
    await page.fill('#password', PASSWORD);
    await page.fill('#confirm', PASSWORD);
    let stop = browser.allow(/\/api\/auth\/register$/, 409);
    await page.click('[data-testid="auth-submit"]');
    await page.waitForSelector('[data-testid="auth-error"]');
    stop();
    assert((await page.textContent('[data-testid="auth-error"]')).includes('taken'), 'a taken name is not said so');
    // log in: a wrong password first
    await page.click('text=Have an account? >> a');
    await page.waitForSelector('[data-testid="login-form"]');
    await page.fill('#username', USER);
    await page.fill('#password', 'wrong password');
    stop = browser.allow(/\/api\/auth\/login$/, 401);
    await page.click('[data-testid="auth-submit"]');
    await page.waitForSelector('[data-testid="auth-error"]');
    stop();
    assert((await page.textContent('[data-testid="auth-error"]')).trim() === 'Wrong username or password.', 'wrong password message');
    await shot('login.png');
    await page.fill('#password', PASSWORD);
    await page.click('[data-testid="auth-submit"]');
    await page.waitForSelector(`tr[data-slug="${SLUG}"]`);
    assert((await page.textContent('[data-testid="user-name"]')).trim() === USER, 'not logged in');
  });

  await T.test('Two Sum opens with statement, editor and samples', async () => {
    await page.click(`tr[data-slug="${SLUG}"] a`);
    await page.waitForSelector('article[aria-label="Problem statement"] h1');
    await page.waitForSelector('[data-testid="editor"] .monaco-editor', { timeout: 30000 });
    const h1 = await page.textContent('article h1');
    assert(h1.includes('Two Sum'), `title ${h1}`);
    const cases = await page.$$('[data-testid^="testcase-"]');
    assert(cases.length >= 1, 'no sample cases in the console');
  });

  await T.test("Monaco's worker comes from the app's own origin", async () => {
    const deadline = Date.now() + 15000;
    while (!browser.workers.length && Date.now() < deadline) await page.waitForTimeout(200);
    assert(browser.workers.length > 0, 'no web worker was started');
    for (const w of browser.workers) assert(w.startsWith(server.base + '/'), `worker from ${w}`);
    const req = browser.requests.find((u) => /editor\.worker[^/]*\.js/.test(u));
    assert(req && req.startsWith(server.base + '/'), `worker script request: ${req}`);
  });

  await T.test('switch to C++, type a solution, Run: the samples pass', async () => {
    await page.selectOption('[data-testid="language"]', 'cpp');
    await page.waitForFunction(() => window.__gavelEditor && window.__gavelEditor.getModel().getLanguageId() === 'cpp');
    typedAc = await typeCode(AC_CPP);
    await page.keyboard.press('ControlOrMeta+Enter');
    await page.waitForSelector('[data-testid="case-tab-0"], [data-testid="compile-output"], [data-testid="result-error"]', { timeout: 180000 });
    await waitIdle();
    const tabs = await page.$$eval('[data-testid^="case-tab-"]', (t) => t.map((x) => x.dataset.pass));
    assert(tabs.length >= 1, 'no case results');
    assert(tabs.every((p) => p === 'true'), `cases: ${tabs}`);
    const verdict = await page.textContent('[data-testid="run-verdict"]');
    assert(verdict.includes('Accepted'), `run verdict ${verdict}`);
    assert(await page.isVisible('[data-testid="case-expected"]'), 'no expected output shown');
    await shot('problem.png');
  });

  await T.test('Submit: live progress, then Accepted with runtime, memory and beats', async () => {
    const labels = await submitAndWait();
    const v = await page.getAttribute('[data-testid="verdict"]', 'data-verdict');
    assert(v === 'AC', `verdict ${v}: ${await page.textContent('[data-testid="verdict"]')}`);
    const text = await page.textContent('[data-testid="verdict"]');
    assert(/Runtime/.test(text) && /Memory/.test(text) && /Beats/.test(text), `verdict text: ${text}`);
    assert(labels.some((l) => /^(Queued|Compiling|Test \d+)/.test(l)), `progress labels seen: ${JSON.stringify(labels)}`);
    console.log(`  # progress seen: ${JSON.stringify(labels.slice(0, 4))}… (${labels.length} labels)`);
    for (const l of layouts.slice(1)) assert(JSON.stringify(l) === JSON.stringify(layouts[0]), `the layout moved while judging:\n${layouts[0].join('\n')}\n---\n${l.join('\n')}`);
    await shot('accepted.png');
  });

  await T.test('a wrong solution gets Wrong Answer with the failing sample', async () => {
    await typeCode(WRONG_CPP);
    await submitAndWait();
    const v = await page.getAttribute('[data-testid="verdict"]', 'data-verdict');
    assert(v === 'WA', `verdict ${v}`);
    const failed = await page.textContent('[data-testid="failed-test"]');
    assert(/test \d+/.test(failed), failed);
    await page.waitForSelector('[data-testid="failed-sample"] [data-testid="failed-output"]', { timeout: 120000 }).catch(() => {});
    // give the console more room for the picture, with the keyboard
    const sep = page.locator('[role="separator"][aria-orientation="horizontal"]');
    await sep.focus();
    await page.keyboard.press('Shift+ArrowUp');
    await page.keyboard.press('Shift+ArrowUp');
    await shot('wrong-answer.png');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
  });

  await T.test('a compile error shows the message and markers in the editor', async () => {
    typedCe = await typeCode(CE_CPP);
    await page.keyboard.press('ControlOrMeta+Enter');
    await page.waitForSelector('[data-testid="compile-output"]', { timeout: 180000 });
    await waitIdle();
    const msg = await page.textContent('[data-testid="compile-output"]');
    assert(/error/.test(msg), `compiler message: ${msg}`);
    await page.waitForFunction(() => window.__gavelMonaco.editor.getModelMarkers({ owner: 'gavel' }).length > 0, null, { timeout: 5000 });
    const markers = await page.evaluate(() => window.__gavelMonaco.editor.getModelMarkers({ owner: 'gavel' }).map((m) => [m.startLineNumber, m.message]));
    assert(markers.length > 0 && markers.some(([line]) => line === CE_LINE || line === CE_LINE + 1), `markers ${JSON.stringify(markers)}`);
    await page.waitForSelector('[data-testid="editor"] .squiggly-error', { timeout: 5000 });
    await shot('compile-error.png');
  });

  await T.test('reload: the C++ draft is still there', async () => {
    await page.reload();
    await page.waitForSelector('[data-testid="editor"] .monaco-editor', { timeout: 30000 });
    await page.waitForFunction(() => window.__gavelEditor && window.__gavelEditor.getModel().getLanguageId() === 'cpp');
    const lang = await page.inputValue('[data-testid="language"]');
    assert(lang === 'cpp', `language after reload: ${lang}`);
    const v = await editorValue();
    assert(v === typedCe, `editor after reload:\n${v}`);
  });

  await T.test('history: open the accepted submission and load it into the editor', async () => {
    await page.click('#tab-submissions');
    await page.waitForSelector('[data-testid="submission-row"]', { timeout: 30000 });
    const rows = await page.$$eval('[data-testid="submission-row"]', (r) => r.map((x) => [x.dataset.id, x.textContent]));
    assert(rows.length >= 2, `history rows: ${JSON.stringify(rows)}`);
    const ac = rows.find(([, t]) => t.includes('Accepted'));
    assert(ac, `no Accepted row: ${JSON.stringify(rows)}`);
    await shot('submissions.png');
    await page.click(`[data-testid="submission-row"][data-id="${ac[0]}"] button`);
    await page.waitForSelector('[data-testid="submission-code"]');
    const code = await page.textContent('[data-testid="submission-code"]');
    assert(code.includes('unordered_map'), `code shown: ${code}`);
    await page.click('[data-testid="load-into-editor"]');
    await page.waitForFunction((want) => window.__gavelEditor.getValue() === want, typedAc, { timeout: 5000 });
  });

  // the mock cannot run Python: these two need a real judge
  const realTest = mock ? (name) => T.skip(name, 'the mock API does not run code') : T.test;
  await realTest('Python: a custom case shows stdout; each language keeps its draft', async () => {
    await page.click('#tab-description');
    await page.selectOption('[data-testid="language"]', 'python3');
    await page.waitForFunction(() => window.__gavelEditor.getModel().getLanguageId() === 'python');
    typedPy = await typeCode(PY_PRINT);
    await page.click('#tab-testcases');
    const before = (await page.$$('[data-testid^="testcase-"]')).length;
    await page.click('[data-testid="add-case"]');
    await page.fill('[data-testid="field-nums"]', '[5,6,7]');
    await page.fill('[data-testid="field-target"]', '13');
    await page.click('[data-testid="run"]');
    await page.waitForSelector('[data-testid="run-result"], [data-testid="compile-output"]', { timeout: 180000 });
    await waitIdle();
    const tabs = await page.$$eval('[data-testid^="case-tab-"]', (t) => t.map((x) => x.dataset.pass));
    assert(tabs.length === before + 1 && tabs.every((p) => p === 'true'), `cases: ${tabs}`);
    await page.click(`[data-testid="case-tab-${before}"]`);
    assert((await page.textContent('[data-testid="case-output"]')).trim() === '[1,2]', 'custom case output');
    assert((await page.textContent('[data-testid="case-stdout"]')).includes('looking at [5, 6, 7]'), 'stdout of the custom case');
    assert(!(await page.isVisible('[data-testid="case-expected"]')), 'a custom case has no expected answer');
    await page.selectOption('[data-testid="language"]', 'cpp');
    await page.waitForFunction((want) => window.__gavelEditor.getValue() === want, typedAc, { timeout: 5000 });
    await page.selectOption('[data-testid="language"]', 'python3');
    await page.waitForFunction((want) => window.__gavelEditor.getValue() === want, typedPy, { timeout: 5000 });
  });

  await realTest('Python: a syntax error is marked on its line', async () => {
    await typeCode(PY_SYNTAX);
    await page.keyboard.press('ControlOrMeta+Enter');
    await page.waitForSelector('[data-testid="compile-output"]', { timeout: 180000 });
    await waitIdle();
    await page.waitForFunction(() => window.__gavelMonaco.editor.getModelMarkers({ owner: 'gavel' }).length > 0, null, { timeout: 5000 });
    const lines = await page.evaluate(() => window.__gavelMonaco.editor.getModelMarkers({ owner: 'gavel' }).map((m) => m.startLineNumber));
    assert(lines.includes(3), `marker lines ${lines}`);
  });

  await T.test('back on the list, Two Sum is marked solved with its acceptance rate', async () => {
    await page.click('header a[href="#/"]');
    await page.waitForSelector(`tr[data-slug="${SLUG}"] [aria-label="Solved"]`, { timeout: 30000 });
    const acc = (await page.textContent(`tr[data-slug="${SLUG}"] td:last-child`)).trim();
    assert(/^\d+(\.\d)? %$/.test(acc) && acc !== '0.0 %', `acceptance ${acc}`);
    // tall enough for the whole catalog in the picture
    const rows = (await page.$$('tbody tr[data-slug]')).length;
    await page.setViewportSize({ width: 1280, height: Math.min(2400, Math.max(800, 220 + rows * 46)) });
    await page.waitForTimeout(200);
    await shot('list.png');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  await T.test('usable at 1024 px wide and from the keyboard', async () => {
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.goto(server.base + '/');
    await page.waitForSelector(`tr[data-slug="${SLUG}"]`);
    let overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert(overflow <= 0, `the list is ${overflow} px too wide`);
    // keyboard only: search, Tab to the first result, Enter opens it
    await page.focus('#search');
    await page.keyboard.type('Two Sum');
    let found = false;
    for (let i = 0; i < 12 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await page.evaluate((slug) => document.activeElement && document.activeElement.getAttribute('href') === `#/problems/${slug}`, SLUG);
    }
    assert(found, 'Tab never reached the Two Sum link');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="editor"] .monaco-editor', { timeout: 30000 });
    overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert(overflow <= 0, `the problem page is ${overflow} px too wide`);
    for (const sel of ['[data-testid="run"]', '[data-testid="submit"]', '[data-testid="language"]', '#tab-submissions']) {
      const box = await page.locator(sel).boundingBox();
      assert(box && box.x >= 0 && box.x + box.width <= 1024 && box.y + box.height <= 700, `${sel} is off screen: ${JSON.stringify(box)}`);
    }
    // the splitter moves with the arrow keys
    const sep = page.locator('[role="separator"]').first();
    const before = await sep.getAttribute('aria-valuenow');
    await sep.focus();
    await page.keyboard.press('ArrowRight');
    const after = await sep.getAttribute('aria-valuenow');
    assert(Number(after) > Number(before), `separator ${before} -> ${after}`);
    await page.keyboard.press('ArrowLeft');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  let adaIds = [];
  await T.test('My submissions: every submission across problems; a row opens it in the editor', async () => {
    await page.click('[data-testid="my-submissions-link"]');
    await page.waitForSelector('[data-testid="my-submission-row"]', { timeout: 30000 });
    const rows = await page.$$eval('[data-testid="my-submission-row"]', (r) => r.map((x) => [x.dataset.id, x.dataset.problem, x.textContent]));
    adaIds = rows.map(([id]) => id);
    assert(rows.length >= 2 && rows.every(([, p]) => p === SLUG), `rows ${JSON.stringify(rows)}`);
    const ac = rows.find(([, , t]) => t.includes('Accepted'));
    assert(ac, 'no Accepted row');
    await shot('my-submissions.png');
    await page.click(`[data-testid="my-submission-row"][data-id="${ac[0]}"] a`);
    await page.waitForSelector('[data-testid="editor"] .monaco-editor', { timeout: 30000 });
    await page.waitForFunction((want) => window.__gavelEditor && window.__gavelEditor.getValue() === want, typedAc, { timeout: 10000 });
    assert((await page.inputValue('[data-testid="language"]')) === 'cpp', 'the submission language is not selected');
    await page.waitForSelector('[data-testid="submission-code"]');
  });

  await T.test('Account: change the password; an API token works until revoked', async () => {
    await page.click('[data-testid="user-name"]');
    await page.waitForSelector('[data-testid="password-form"]');
    await page.fill('#old-password', PASSWORD);
    await page.fill('#new-password', PASSWORD + '!');
    await page.fill('#confirm-password', PASSWORD + '!');
    await page.click('[data-testid="password-form"] button[type="submit"]');
    await page.waitForSelector('[data-testid="password-changed"]');
    await page.fill('#token-name', 'e2e script');
    await page.click('[data-testid="create-token"]');
    const token = (await page.textContent('[data-testid="new-token-value"]', { timeout: 10000 })).trim();
    assert(/^gvl_/.test(token), `token ${token}`);
    await page.waitForSelector('[data-testid="token-row"]');
    await shot('account.png');
    const me = await fetch(`${server.base}/api/me`, { headers: { Authorization: `Bearer ${token}` } });
    assert(me.status === 200 && (await me.json()).user.username === USER, `the token does not work: ${me.status}`);
    await page.click('[aria-label="Revoke e2e script"]');
    await page.waitForSelector('[data-testid="token-row"]', { state: 'detached' });
    const after = await fetch(`${server.base}/api/me`, { headers: { Authorization: `Bearer ${token}` } });
    assert(after.status === 401, `a revoked token still answers ${after.status}`);
  });

  await T.test("a second user sees none of the first one's submissions", async () => {
    await page.click('[data-testid="logout"]');
    await page.waitForSelector('[data-testid="login-link"]');
    await page.click('[data-testid="register-link"]');
    await page.fill('#username', USER2);
    await page.fill('#password', PASSWORD);
    await page.fill('#confirm', PASSWORD);
    await page.click('[data-testid="auth-submit"]');
    await page.waitForSelector('[data-testid="my-submissions-link"]');
    assert((await page.textContent('[data-testid="user-name"]')).trim() === USER2, 'not logged in as the second user');
    await page.click('[data-testid="my-submissions-link"]');
    await page.waitForSelector('[data-testid="no-submissions"]', { timeout: 30000 });
    assert((await page.$$('[data-testid="my-submission-row"]')).length === 0, 'the second user sees submissions');
    // no marks from the first user's history on the list
    await page.click('header a[href="#/"] >> nth=1');
    await page.waitForSelector(`tr[data-slug="${SLUG}"]`);
    assert(!(await page.isVisible(`tr[data-slug="${SLUG}"] [aria-label="Solved"]`)), 'the second user sees the first one\'s solved mark');
    // by id: 404, exactly like a missing one
    assert(adaIds.length > 0, 'no ids of the first user');
    const stop = browser.allow(/\/api\/submissions\/\d+(\/events)?$/, 404);
    const answers = await page.evaluate(async (ids) => {
      const out = [];
      for (const id of ids) {
        const r = await fetch(`/api/submissions/${id}`);
        out.push([id, r.status, await r.text()]);
      }
      const missing = await fetch('/api/submissions/999999');
      out.push(['999999', missing.status, await missing.text()]);
      return out;
    }, adaIds);
    for (const [id, status, body] of answers) {
      assert(status === 404, `GET /api/submissions/${id} as ${USER2}: ${status} ${body}`);
      assert(!body.includes('unordered_map') && !body.includes('twoSum'), `code leaked: ${body}`);
    }
    const shape = (b) => JSON.parse(b).error.code;
    assert(answers.every(([, , b]) => shape(b) === shape(answers[answers.length - 1][2])), 'a foreign id answers differently from a missing one');
    // and through the UI: the problem page does not load it
    await page.goto(`${server.base}/#/problems/${SLUG}/submissions/${adaIds[0]}`);
    await page.waitForSelector('[data-testid="editor"] .monaco-editor', { timeout: 30000 });
    await page.waitForFunction(() => /Could not load submission/.test(document.querySelector('[data-testid="notice"]').textContent), null, { timeout: 10000 });
    const v = await editorValue();
    assert(!v.includes('unordered_map'), 'the first user\'s code is in the editor');
    await page.goto(`${server.base}/#/problems/${SLUG}/submissions`);
    await page.waitForSelector('[data-testid="submissions"] >> text=No submissions yet.', { timeout: 30000 });
    assert((await page.$$('[data-testid="submission-row"]')).length === 0, 'history rows for the second user');
    stop();
    // and no admin pages for a non-admin
    assert(!(await page.isVisible('[data-testid="admin-link"]')), 'a non-admin has an Admin link');
    await page.goto(`${server.base}/#/admin`);
    await page.waitForSelector('[data-testid="need-admin"]');
  });

  const adminTest = mock ? (name) => T.skip(name, 'the mock API has no admin routes') : T.test;
  await adminTest('admin: write a new problem with uploaded tests, run the reference solution, publish', async () => {
    console.log(`  # ${makeAdmin(server, ADMIN, PASSWORD)}`);
    await page.click('[data-testid="logout"]');
    await page.waitForSelector('[data-testid="login-link"]');
    await page.click('[data-testid="login-link"]');
    await page.fill('#username', ADMIN);
    await page.fill('#password', PASSWORD);
    await page.click('[data-testid="auth-submit"]');
    await page.waitForSelector('[data-testid="admin-link"]');
    await page.click('[data-testid="admin-link"]');
    await page.waitForSelector(`[data-testid="admin-problems"] tr[data-slug="${SLUG}"]`, { timeout: 30000 });
    await page.click('[data-testid="new-problem"]');
    await page.waitForSelector('[data-testid="problem-editor"]');
    await page.fill('#slug', NEW_SLUG);
    await page.fill('#title', 'Add Two');
    await page.selectOption('#difficulty', 'Easy');
    await page.fill('#tags', 'Math, Warm-up');
    await page.fill('#time_ms', '1000');
    await page.fill('#memory_mb', '128');
    await page.fill('#statement', 'Return the sum of `a` and `b`.\n\n## Example 1\n\n```\nInput: a = 1, b = 2\nOutput: 3\n```\n\n- `-1000 <= a, b <= 1000`\n');
    await page.waitForSelector('[data-testid="preview"] h2:has-text("Example 1")');
    assert((await page.textContent('[data-testid="preview"] h1')).includes('Add Two'), 'the preview has no title');
    await page.fill('#signature', JSON.stringify(NEW_SIG, null, 2));
    await page.fill('[data-testid="starter"]', 'class Solution:\n    def addTwo(self, a: int, b: int) -> int:\n        ');
    const f = (name, text) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
    await page.setInputFiles('#sample-files', [f('01.in', '1\n2\n'), f('01.ans', '3\n')]);
    await page.setInputFiles('#test-files', [f('a.in', '5\n6\n'), f('a.ans', '11\n'), f('b.in', '-1\n1\n'), f('b.ans', '0\n'), f('c.in', '1000\n1000\n'), f('c.ans', '2000\n')]);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="hidden-test-list"] [data-testid="test-item"]').length === 3);
    await page.click('[data-testid="save"]');
    await page.waitForSelector('[data-testid="editor-message"]:has-text("Saved add-two")', { timeout: 30000 });
    const saved = await page.textContent('[data-testid="editor-message"]');
    assert(/4 tests, hidden/.test(saved), `after Save: ${saved}`);
    await page.evaluate(() => {
      document.querySelector('[data-testid="editor-form"]').scrollTop = 0;
    });
    await shot('admin-edit.png');
    // a hidden problem is not on the public list
    const anonList = async () => (await (await fetch(`${server.base}/api/problems`)).json()).map((p) => p.slug);
    assert(!(await anonList()).includes(NEW_SLUG), 'a draft problem is listed publicly');
    assert((await fetch(`${server.base}/api/problems/${NEW_SLUG}`)).status === 404, 'a draft problem is public');
    // a wrong reference solution: every test is run, the failing one named
    await page.selectOption('[data-testid="ref-language"]', 'python3');
    await page.fill('[data-testid="ref-code"]', NEW_REF_WRONG);
    await page.click('[data-testid="run-check"]');
    await page.waitForSelector('[data-testid="check-result"]', { timeout: 120000 });
    let verdicts = await page.$$eval('[data-testid="check-case"]', (r) => r.map((x) => x.dataset.verdict));
    assert(JSON.stringify(verdicts) === JSON.stringify(['AC', 'WA', 'AC', 'AC']), `wrong reference: ${verdicts}`);
    await page.locator('[data-testid="reference"]').scrollIntoViewIfNeeded();
    await shot('admin-check.png');
    await page.fill('[data-testid="ref-code"]', NEW_REF);
    await page.click('[data-testid="run-check"]');
    await page.waitForFunction(() => {
      const r = [...document.querySelectorAll('[data-testid="check-case"]')].map((x) => x.dataset.verdict);
      return r.length === 4 && r.every((v) => v === 'AC');
    }, null, { timeout: 120000 });
    await page.click('[data-testid="publish"]');
    await page.waitForSelector('[data-testid="visibility"]:has-text("Visible")');
    assert((await anonList()).includes(NEW_SLUG), 'the published problem is not listed');
    // on the admin list: visible; rejudge Two Sum
    await page.click('text=← All problems');
    await page.waitForSelector(`tr[data-slug="${NEW_SLUG}"] [data-testid="state"]:has-text("Visible")`);
    await page.click(`tr[data-slug="${SLUG}"] [data-testid="rejudge"]`);
    const note = await page.textContent(`tr[data-slug="${SLUG}"] [data-testid="row-note"]`, { timeout: 30000 });
    assert(/Queued [1-9]\d* submissions? again/.test(note), `rejudge: ${note}`);
    await page.evaluate(() => {
      document.querySelector('[data-testid="admin-problems"]').scrollTop = 0;
    });
    await shot('admin.png');
    // the new problem works for everyone: solve it as the admin
    await page.goto(`${server.base}/#/problems/${NEW_SLUG}`);
    await page.waitForSelector('[data-testid="editor"] .monaco-editor', { timeout: 30000 });
    await page.waitForFunction(() => window.__gavelEditor);
    await typeCode(NEW_REF.trimEnd());
    await submitAndWait();
    const v = await page.getAttribute('[data-testid="verdict"]', 'data-verdict');
    assert(v === 'AC', `the new problem: ${v}`);
    // an admin's header (more links) still fits 1024 px
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.waitForTimeout(200);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert(overflow <= 0, `the admin's problem page is ${overflow} px too wide`);
    for (const sel of ['[data-testid="run"]', '[data-testid="submit"]', '[data-testid="logout"]', '[data-testid="admin-link"]']) {
      const box = await page.locator(sel).boundingBox();
      assert(box && box.x >= 0 && box.x + box.width <= 1024, `${sel} is off screen: ${JSON.stringify(box)}`);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  await adminTest('admin: a Kattis package (.zip) becomes a problem; its reference check passes', async () => {
    // a small package, zipped by Python's zipfile
    const zipPath = path.join(server.tmp, 'package-sum.zip');
    const py = [
      'import sys, zipfile',
      'with zipfile.ZipFile(sys.argv[1], "w") as z:',
      '    z.writestr("problem.yaml", "name: Package Sum\\n")',
      '    z.writestr("problem_statement/problem.md", "# Package Sum\\n\\nPrint the sum of the two integers on the line.\\n")',
      '    z.writestr("data/sample/1.in", "1 2\\n")',
      '    z.writestr("data/sample/1.ans", "3\\n")',
      '    for i in range(1, 4):',
      '        z.writestr("data/secret/%d.in" % i, "%d %d\\n" % (i * 7, i * 11))',
      '        z.writestr("data/secret/%d.ans" % i, "%d\\n" % (i * 18))',
    ].join('\n');
    const r = spawnSync('python3', ['-c', py, zipPath], { encoding: 'utf8' });
    assert(r.status === 0, `zip: ${r.stderr}`);
    await page.goto(`${server.base}/#/admin/problems/new`);
    await page.waitForSelector('[data-testid="problem-editor"]');
    await page.fill('#slug', 'package-sum');
    await page.setInputFiles('#package-file', zipPath);
    await page.waitForSelector('[data-testid="editor-message"]:has-text("Imported package-sum.zip")', { timeout: 30000 });
    assert((await page.inputValue('#title')) === 'Package Sum', `title after the upload: ${await page.inputValue('#title')}`);
    await page.waitForSelector('[data-testid="preview"] >> text=Print the sum');
    const hidden = await page.$$eval('[data-testid="hidden-test-list"] [data-testid="test-item"]', (x) => x.length);
    assert(hidden === 3, `hidden tests after the upload: ${hidden}`);
    await page.selectOption('[data-testid="ref-language"]', 'python3');
    await page.fill('[data-testid="ref-code"]', 'a, b = map(int, input().split())\nprint(a + b)\n');
    await page.click('[data-testid="run-check"]');
    await page.waitForSelector('[data-testid="check-result"]', { timeout: 120000 });
    const verdicts = await page.$$eval('[data-testid="check-case"]', (x) => x.map((e) => e.dataset.verdict));
    assert(verdicts.length === 4 && verdicts.every((v) => v === 'AC'), `package check: ${verdicts}`);
  });

  await T.test('no page error, console error or request to another host', async () => {
    assert(browser.problems.length === 0, browser.problems.join('\n'));
    const other = browser.requests.filter((u) => /^https?:/.test(u) && !u.startsWith(server.base));
    assert(other.length === 0, `requests elsewhere: ${other.join(', ')}`);
  });
} catch (e) {
  console.log(`not ok - setup: ${String(e.stack || e).split('\n').join('\n  # ')}`);
  process.exitCode = 1;
} finally {
  if (browser) await browser.close().catch(() => {});
  if (server) await server.stop().catch(() => {});
}
const failed = T.end();
if (failed || process.exitCode) process.exit(1);
