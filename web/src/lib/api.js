// Thin client for the Gavel HTTP API (docs/api.md). Every failure becomes an
// ApiError with a human message, so callers can show it instead of crashing.

export const API_BASE = '/api';

export class ApiError extends Error {
  constructor(message, { status = 0, code = 'network' } = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

async function request(path, { method = 'GET', body, signal } = {}) {
  let res;
  try {
    res = await fetch(API_BASE + path, {
      method,
      signal,
      headers: body !== undefined ? { 'Content-Type': 'application/json' } : undefined,
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
  } catch (e) {
    if (e && e.name === 'AbortError') throw e;
    throw new ApiError('Cannot reach the Gavel server. Is `gavel serve` running?');
  }
  let data = null;
  const text = await res.text();
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const err = data && data.error;
    const msg = err && err.message ? err.message : `The server answered ${res.status} ${res.statusText || ''}`.trim();
    throw new ApiError(msg, { status: res.status, code: (err && err.code) || 'http' });
  }
  if (data === null) throw new ApiError('The server sent an answer that is not JSON.', { status: res.status, code: 'bad_json' });
  return data;
}

const q = (params) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') s.set(k, v);
  const str = s.toString();
  return str ? `?${str}` : '';
};

export const api = {
  languages: (opts) => request('/languages', opts),
  problems: (params = {}, opts) => request('/problems' + q(params), opts),
  problem: (slug, opts) => request('/problems/' + encodeURIComponent(slug), opts),
  run: (body, opts) => request('/run', { method: 'POST', body, ...opts }),
  submit: (body, opts) => request('/submissions', { method: 'POST', body, ...opts }),
  submission: (id, opts) => request('/submissions/' + encodeURIComponent(id), opts),
  submissions: (params = {}, opts) => request('/submissions' + q(params), opts),
  eventsUrl: (id) => `${API_BASE}/submissions/${encodeURIComponent(id)}/events`,
};
