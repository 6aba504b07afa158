import { describe, expect, it, vi } from 'vitest';
import {
  clearDraft, codeFor, loadCases, loadDraft, loadLanguage, loadStatuses, mergeStatuses,
  recordVerdict, saveCases, saveDraft, saveLanguage,
} from './storage.js';

describe('draft storage', () => {
  it('keeps one draft per problem and language', () => {
    saveDraft('two-sum', 'python3', 'py draft');
    saveDraft('two-sum', 'cpp', 'cpp draft');
    saveDraft('climbing-stairs', 'python3', 'other problem');
    expect(loadDraft('two-sum', 'python3')).toBe('py draft');
    expect(loadDraft('two-sum', 'cpp')).toBe('cpp draft');
    expect(loadDraft('climbing-stairs', 'python3')).toBe('other problem');
    expect(loadDraft('climbing-stairs', 'cpp')).toBeNull();
  });

  it('falls back to the starter code without a draft', () => {
    expect(codeFor('two-sum', 'cpp', 'STARTER')).toBe('STARTER');
    saveDraft('two-sum', 'cpp', 'mine', 'STARTER');
    expect(codeFor('two-sum', 'cpp', 'STARTER')).toBe('mine');
  });

  it('forgets the draft when it equals the starter, or on clear', () => {
    saveDraft('two-sum', 'cpp', 'mine', 'STARTER');
    saveDraft('two-sum', 'cpp', 'STARTER', 'STARTER');
    expect(loadDraft('two-sum', 'cpp')).toBeNull();
    saveDraft('two-sum', 'cpp', 'again');
    clearDraft('two-sum', 'cpp');
    expect(loadDraft('two-sum', 'cpp')).toBeNull();
  });

  it('keeps an empty draft (the user deleted everything)', () => {
    saveDraft('two-sum', 'cpp', '', 'STARTER');
    expect(codeFor('two-sum', 'cpp', 'STARTER')).toBe('');
  });

  it('remembers the language per problem, and the last one overall', () => {
    expect(loadLanguage('two-sum')).toBeNull();
    saveLanguage('two-sum', 'cpp');
    expect(loadLanguage('two-sum')).toBe('cpp');
    expect(loadLanguage('never-opened')).toBe('cpp');
    saveLanguage('climbing-stairs', 'python3');
    expect(loadLanguage('two-sum')).toBe('cpp');
  });

  it('stores edited test cases and ignores junk', () => {
    expect(loadCases('two-sum')).toBeNull();
    saveCases('two-sum', ['[1,2]\n3', '[5]\n5']);
    expect(loadCases('two-sum')).toEqual(['[1,2]\n3', '[5]\n5']);
    window.localStorage.setItem('gavel.v1.cases:two-sum', '{not json');
    expect(loadCases('two-sum')).toBeNull();
    saveCases('two-sum', null);
    expect(loadCases('two-sum')).toBeNull();
  });

  it('never throws when localStorage fails', () => {
    const spy = vi.spyOn(window.localStorage, 'setItem').mockImplementation(() => {
      throw new Error('QuotaExceededError');
    });
    expect(saveDraft('two-sum', 'cpp', 'x')).toBe(false);
    spy.mockRestore();
    const get = vi.spyOn(window.localStorage, 'getItem').mockImplementation(() => {
      throw new Error('SecurityError');
    });
    expect(loadDraft('two-sum', 'cpp')).toBeNull();
    expect(codeFor('two-sum', 'cpp', 'S')).toBe('S');
    get.mockRestore();
  });
});

describe('solved / attempted marks', () => {
  it('records verdicts and never downgrades solved', () => {
    expect(recordVerdict('two-sum', 'WA')).toBe('attempted');
    expect(recordVerdict('two-sum', 'AC')).toBe('solved');
    expect(recordVerdict('two-sum', 'TLE')).toBe('solved');
    expect(loadStatuses()).toEqual({ 'two-sum': 'solved' });
  });

  it('merges the server history', () => {
    const merged = mergeStatuses({ a: 'attempted' }, [
      { problem: 'a', verdict: 'AC', status: 'done' },
      { problem: 'b', verdict: 'WA', status: 'done' },
      { problem: 'c', verdict: null, status: 'queued' },
    ]);
    expect(merged).toEqual({ a: 'solved', b: 'attempted' });
  });
});

describe('drafts per user', () => {
  it("each user has their own; a logged-out draft goes to whoever logs in; nobody sees another's", async () => {
    const { setDraftOwner, codeFor, saveDraft } = await import('./storage.js');
    try {
      setDraftOwner(null);
      saveDraft('two-sum', 'cpp', 'typed before login', 'starter');
      setDraftOwner('Ada');
      expect(codeFor('two-sum', 'cpp', 'starter')).toBe('typed before login');
      expect(window.localStorage.getItem('gavel.v1.draft:two-sum:cpp')).toBeNull();
      saveDraft('two-sum', 'cpp', 'ada code', 'starter');
      setDraftOwner(null);
      expect(codeFor('two-sum', 'cpp', 'starter')).toBe('starter');
      setDraftOwner('bob');
      expect(codeFor('two-sum', 'cpp', 'starter')).toBe('starter');
      setDraftOwner('ada');
      expect(codeFor('two-sum', 'cpp', 'starter')).toBe('ada code');
    } finally {
      setDraftOwner(null);
    }
  });
});
