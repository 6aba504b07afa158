// Everything the UI keeps in the browser: drafts per problem and language,
// the language last used, edited test cases, and solved/attempted marks.
// localStorage may be missing or full: every access is guarded.

const PREFIX = 'gavel.v1.';

function store() {
  try {
    return typeof window !== 'undefined' && window.localStorage ? window.localStorage : null;
  } catch {
    return null;
  }
}

function get(key) {
  const s = store();
  if (!s) return null;
  try {
    return s.getItem(PREFIX + key);
  } catch {
    return null;
  }
}

function set(key, value) {
  const s = store();
  if (!s) return false;
  try {
    if (value === null || value === undefined) s.removeItem(PREFIX + key);
    else s.setItem(PREFIX + key, value);
    return true;
  } catch {
    return false;
  }
}

function getJSON(key, fallback) {
  const raw = get(key);
  if (raw === null) return fallback;
  try {
    return JSON.parse(raw);
  } catch {
    return fallback;
  }
}

// Drafts are code, and code is private: each user's drafts live under their
// name (draft:~ada:<slug>:<lang>), so the next person on this browser does
// not see them. What someone types before logging in (draft:<slug>:<lang>)
// becomes the draft of whoever logs in next.
let owner = null;
const draftKey = (slug, lang) => (owner ? `draft:~${owner}:${slug}:${lang}` : `draft:${slug}:${lang}`);

/** Whose drafts to use (a username, or null when nobody is logged in). */
export function setDraftOwner(name) {
  owner = name ? String(name).toLowerCase() : null;
  const s = store();
  if (!owner || !s) return;
  try {
    const anon = [];
    for (let i = 0; i < s.length; i++) {
      const k = s.key(i);
      if (k && k.startsWith(`${PREFIX}draft:`) && !k.startsWith(`${PREFIX}draft:~`)) anon.push(k);
    }
    for (const k of anon) {
      s.setItem(`${PREFIX}draft:~${owner}:${k.slice(PREFIX.length + 'draft:'.length)}`, s.getItem(k));
      s.removeItem(k);
    }
  } catch {
    /* storage full or blocked: the drafts stay where they are */
  }
}
export const draftOwner = () => owner;

/** The saved draft, or null when the user has none (use the starter). */
export function loadDraft(slug, lang) {
  return get(draftKey(slug, lang));
}

/** Save a draft. Saving exactly the starter code forgets the draft. */
export function saveDraft(slug, lang, code, starter) {
  if (starter !== undefined && code === starter) return set(draftKey(slug, lang), null);
  return set(draftKey(slug, lang), code);
}

export function clearDraft(slug, lang) {
  return set(draftKey(slug, lang), null);
}

/** The code to show: the draft if any, else the starter. */
export function codeFor(slug, lang, starter) {
  const d = loadDraft(slug, lang);
  return d !== null ? d : starter || '';
}

export function loadLanguage(slug) {
  return get(`lang:${slug}`) || get('lang') || null;
}

export function saveLanguage(slug, lang) {
  set(`lang:${slug}`, lang);
  set('lang', lang);
}

export function loadCases(slug) {
  const v = getJSON(`cases:${slug}`, null);
  return Array.isArray(v) && v.every((c) => typeof c === 'string') ? v : null;
}

export function saveCases(slug, cases) {
  set(`cases:${slug}`, cases ? JSON.stringify(cases) : null);
}

/** {slug: 'solved' | 'attempted'} */
export function loadStatuses() {
  const v = getJSON('status', {});
  return v && typeof v === 'object' ? v : {};
}

/** Record a finished submission; solved is never downgraded. */
export function recordVerdict(slug, verdict) {
  const all = loadStatuses();
  if (verdict === 'AC') all[slug] = 'solved';
  else if (all[slug] !== 'solved') all[slug] = 'attempted';
  set('status', JSON.stringify(all));
  return all[slug];
}

/** Merge statuses from the server's history (newest first or any order). */
export function mergeStatuses(local, submissions) {
  const out = { ...local };
  for (const s of submissions || []) {
    if (!s || !s.problem || !s.verdict) continue;
    if (s.verdict === 'AC') out[s.problem] = 'solved';
    else if (out[s.problem] !== 'solved') out[s.problem] = 'attempted';
  }
  return out;
}

/** Forget the solved/attempted marks (they belong to whoever was logged in). */
export function clearStatuses() {
  set('status', null);
}
