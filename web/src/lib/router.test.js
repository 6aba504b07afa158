import { describe, expect, it } from 'vitest';
import { loginHref, parseRoute, safeNext } from './router.js';

describe('router', () => {
  it('parses every page', () => {
    expect(parseRoute('#/')).toEqual({ name: 'list' });
    expect(parseRoute('#/problems/two-sum')).toEqual({ name: 'problem', slug: 'two-sum', tab: 'description' });
    expect(parseRoute('#/problems/two-sum/submissions/12')).toEqual({ name: 'problem', slug: 'two-sum', tab: 'submissions', submission: 12 });
    expect(parseRoute('#/login?next=%2Fproblems%2Ftwo-sum')).toEqual({ name: 'login', next: '/problems/two-sum' });
    expect(parseRoute('#/register')).toEqual({ name: 'register', next: '/' });
    expect(parseRoute('#/account').name).toBe('account');
    expect(parseRoute('#/submissions').name).toBe('submissions');
    expect(parseRoute('#/admin').name).toBe('admin');
    expect(parseRoute('#/admin/problems/new')).toEqual({ name: 'admin-edit', slug: null });
    expect(parseRoute('#/admin/problems/two-sum')).toEqual({ name: 'admin-edit', slug: 'two-sum' });
    expect(parseRoute('#/nope').name).toBe('notfound');
  });

  it('goes back only to places inside the app', () => {
    expect(safeNext('/problems/x')).toBe('/problems/x');
    for (const bad of ['//evil.example', 'https://evil.example', 'javascript:alert(1)', '', null, '/login?next=/x']) expect(safeNext(bad)).toBe('/');
    expect(loginHref('/account')).toBe('#/login?next=%2Faccount');
    expect(loginHref('/x', 'register')).toBe('#/register?next=%2Fx');
  });
});
