// The admin's problem form <-> the definition of PUT /api/admin/problems/{slug}
// (see issue6-contract / docs/api.md), and test files -> tests.

export const DIFFICULTIES = ['Easy', 'Medium', 'Hard'];
export const KINDS = ['function', 'stdio'];
// how a function problem's answers are compared (docs/problem-format.md);
// "checker" needs a checker.py, which only a package brings
export const COMPARE_MODES = ['exact', 'unordered', 'unordered_deep', 'float'];
export const SLUG_RE = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
// a test's name (docs/api.md): [A-Za-z0-9_-] with / between groups, 1-64 long
export const TEST_NAME_RE = /^[A-Za-z0-9_-]+(?:\/[A-Za-z0-9_-]+)*$/;

export const SIGNATURE_TEMPLATE = JSON.stringify(
  { name: 'solve', params: [{ name: 'nums', type: 'integer[]' }], return: { type: 'integer' } },
  null,
  2,
);

export function emptyForm() {
  return {
    slug: '',
    title: '',
    difficulty: 'Easy',
    tags: '',
    kind: 'function',
    statement: '',
    signature: SIGNATURE_TEMPLATE,
    compare_mode: 'exact',
    tolerance: '',
    validator: '',
    time_ms: '2000',
    memory_mb: '256',
    starter: {},
    samples: [],
    tests: [],
    hidden: true,
  };
}

const cleanTests = (list) =>
  (Array.isArray(list) ? list : []).map((t, i) => ({
    name: String((t && t.name) || String(i + 1).padStart(2, '0')),
    input: String((t && t.input) ?? ''),
    answer: String((t && t.answer) ?? ''),
  }));

/** GET /api/admin/problems/{slug} -> the form. */
export function definitionToForm(def, slug) {
  const d = def || {};
  const f = emptyForm();
  return {
    ...f,
    slug: slug || d.slug || '',
    title: d.title || '',
    difficulty: DIFFICULTIES.includes(d.difficulty) ? d.difficulty : 'Easy',
    tags: (Array.isArray(d.tags) ? d.tags : []).join(', '),
    kind: KINDS.includes(d.kind) ? d.kind : 'function',
    statement: d.statement || '',
    signature: d.signature ? JSON.stringify(d.signature, null, 2) : d.kind === 'stdio' ? '' : SIGNATURE_TEMPLATE,
    compare_mode: (d.compare && d.compare.mode) || 'exact',
    tolerance: d.compare && d.compare.tolerance != null ? String(d.compare.tolerance) : '',
    validator: typeof d.validator === 'string' ? d.validator : '',
    time_ms: d.limits && d.limits.time_ms != null ? String(d.limits.time_ms) : f.time_ms,
    memory_mb: d.limits && d.limits.memory_mb != null ? String(d.limits.memory_mb) : f.memory_mb,
    starter: d.starter && typeof d.starter === 'object' ? { ...d.starter } : {},
    samples: cleanTests(d.samples),
    tests: cleanTests(d.tests),
    hidden: d.hidden !== false,
  };
}

export function parseTags(text) {
  const out = [];
  for (const t of String(text || '').split(',')) {
    const v = t.trim();
    if (v && !out.includes(v)) out.push(v);
  }
  return out;
}

function positiveInt(text) {
  const s = String(text ?? '').trim();
  if (!/^\d+$/.test(s)) return null;
  const n = Number(s);
  return n > 0 && Number.isSafeInteger(n) ? n : null;
}

/**
 * The form -> {definition, errors}. errors maps a field to a message and is
 * empty when the definition can be sent.
 */
export function formToDefinition(form, { isNew = false } = {}) {
  const errors = {};
  if (isNew && !SLUG_RE.test(form.slug || '')) errors.slug = 'A slug is lower-case letters, digits and “-”, e.g. two-sum.';
  const title = String(form.title || '').trim();
  if (!title) errors.title = 'Give the problem a title.';
  if (!DIFFICULTIES.includes(form.difficulty)) errors.difficulty = 'Pick Easy, Medium or Hard.';
  if (!KINDS.includes(form.kind)) errors.kind = 'Pick a kind.';
  if (!String(form.statement || '').trim()) errors.statement = 'Write the statement.';
  let signature;
  if (form.kind === 'function') {
    try {
      signature = JSON.parse(form.signature || '');
      if (!signature || typeof signature !== 'object' || Array.isArray(signature)) throw new Error('it must be a JSON object');
      if (typeof signature.name !== 'string' || !signature.name) throw new Error('it needs a "name"');
      if (!Array.isArray(signature.params)) throw new Error('it needs "params": [...]');
    } catch (e) {
      errors.signature = `The signature is not valid: ${e.message}`;
    }
  }
  let compare;
  if (form.kind === 'function') {
    compare = { mode: form.compare_mode || 'exact' };
    const tol = String(form.tolerance ?? '').trim();
    if (compare.mode === 'float' && tol) {
      const t = Number(tol);
      if (!Number.isFinite(t) || t < 0) errors.tolerance = 'The tolerance is a number like 1e-6.';
      else compare.tolerance = t;
    }
  }
  const validator = String(form.validator || '').trim();
  const time_ms = positiveInt(form.time_ms);
  if (time_ms === null) errors.time_ms = 'The time limit is a whole number of milliseconds.';
  const memory_mb = positiveInt(form.memory_mb);
  if (memory_mb === null) errors.memory_mb = 'The memory limit is a whole number of MB.';
  const starter = {};
  for (const [lang, code] of Object.entries(form.starter || {})) if (typeof code === 'string' && code.trim()) starter[lang] = code;
  for (const [key, list] of [['samples', form.samples], ['tests', form.tests]]) {
    const names = new Set();
    for (const t of list || []) {
      if (!TEST_NAME_RE.test(t.name) || t.name.length > 64)
        errors[key] = `“${t.name}” is not a test name: letters, digits, “_” and “-”, at most 64.`;
      else if (names.has(t.name)) errors[key] = `Two ${key === 'samples' ? 'samples' : 'tests'} are called “${t.name}”.`;
      names.add(t.name);
    }
  }
  const definition = {
    title,
    difficulty: form.difficulty,
    tags: parseTags(form.tags),
    kind: form.kind,
    statement: form.statement || '',
    ...(form.kind === 'function' ? { signature, compare } : validator ? { validator } : {}),
    limits: { time_ms, memory_mb },
    starter,
    samples: cleanTests(form.samples),
    tests: cleanTests(form.tests),
    hidden: form.hidden !== false,
  };
  return { definition, errors };
}

const natural = (a, b) => a.localeCompare(b, undefined, { numeric: true });

/**
 * Files picked by the admin ([{name, text}]) -> tests: NAME.in with
 * NAME.ans. Returns {tests, problems}: what could not be paired, in words.
 */
export function pairTestFiles(files) {
  const ins = new Map();
  const ans = new Map();
  const problems = [];
  for (const f of files || []) {
    const base = String(f.name || '').split(/[\\/]/).pop();
    const m = /^(.+)\.(in|ans)$/.exec(base);
    if (!m) {
      problems.push(`${base}: not a .in or .ans file`);
      continue;
    }
    (m[2] === 'in' ? ins : ans).set(m[1], f.text);
  }
  const tests = [];
  for (const name of [...ins.keys()].sort(natural)) {
    if (!ans.has(name)) {
      problems.push(`${name}.in has no ${name}.ans`);
      continue;
    }
    tests.push({ name, input: ins.get(name), answer: ans.get(name) });
  }
  for (const name of [...ans.keys()].sort(natural)) if (!ins.has(name)) problems.push(`${name}.ans has no ${name}.in`);
  return { tests, problems };
}

/** Add uploaded tests to a list: a test of the same name is replaced. */
export function mergeTests(list, added) {
  const out = [...(list || [])];
  for (const t of added) {
    const i = out.findIndex((x) => x.name === t.name);
    if (i >= 0) out[i] = t;
    else out.push(t);
  }
  return out.sort((a, b) => natural(a.name, b.name));
}

/** A preview object for the Statement component. */
export function previewProblem(form) {
  return {
    title: form.title || 'Untitled',
    difficulty: form.difficulty,
    tags: parseTags(form.tags),
    statement: form.statement,
    limits: { time_ms: positiveInt(form.time_ms), memory_mb: positiveInt(form.memory_mb) },
  };
}
