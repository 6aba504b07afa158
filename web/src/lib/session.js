// Who is logged in, for every component: a tiny store around GET /api/me.
// status: 'loading' until the first answer, then 'ready' (user or null).
import { useSyncExternalStore } from 'react';
import { api, setCsrfToken, setUnauthorizedHandler } from './api.js';
import { clearStatuses, setDraftOwner } from './storage.js';

let state = { status: 'loading', user: null, error: null };
const listeners = new Set();

function set(next) {
  state = { ...state, ...next };
  setDraftOwner(state.user ? state.user.username : null);
  for (const l of listeners) l();
}

export const getSession = () => state;

export function subscribe(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function useSession() {
  return useSyncExternalStore(subscribe, getSession, getSession);
}

/** Ask the server who we are (on load, and after anything that may change it). */
export async function refreshSession() {
  try {
    const me = await api.me();
    set({ status: 'ready', user: me.user, error: null });
  } catch (e) {
    if (e.status === 401) {
      setCsrfToken(null);
      set({ status: 'ready', user: null, error: null });
    } else {
      // the server is down: stay anonymous, but say why
      set({ status: 'ready', user: null, error: e });
    }
  }
  return state.user;
}

function signedIn(answer) {
  const before = state.user;
  if (!before || before.username !== answer.user.username) clearStatuses();
  set({ status: 'ready', user: answer.user, error: null });
  return answer.user;
}

export async function login(username, password) {
  return signedIn(await api.login(username, password));
}

export async function register(username, password) {
  return signedIn(await api.register(username, password));
}

export async function logout() {
  try {
    await api.logout();
  } finally {
    clearStatuses();
    set({ status: 'ready', user: null, error: null });
  }
}

/** The session ended under us (a 401 from some route): forget the user. */
export function sessionEnded() {
  setCsrfToken(null);
  if (state.user) set({ user: null });
}

setUnauthorizedHandler(() => sessionEnded());

/** For tests. */
export function resetSession(next = { status: 'loading', user: null, error: null }) {
  state = { ...next };
  for (const l of listeners) l();
}
