import { describe, expect, it } from 'vitest';
import { joinFields, mergeRun, planRun, splitFields } from './cases.js';

describe('test cases', () => {
  const samples = ['[2,7,11,15]\n9', '[3,2,4]\n6'];

  it('runs unchanged samples in one request', () => {
    expect(planRun(samples, samples)).toEqual({ runSamples: true, custom: [], pick: [{ from: 'samples', i: 0 }, { from: 'samples', i: 1 }] });
  });

  it('runs edited and added cases one by one', () => {
    const plan = planRun(['[2,7,11,15]\n9\n', '[1,1]\n2'], samples);
    expect(plan).toEqual({ runSamples: true, custom: [1], pick: [{ from: 'samples', i: 0 }, { from: 'custom', i: 0 }] });
    const merged = mergeRun(
      plan,
      { verdict: 'AC', cases: [{ verdict: 'AC', expected: '[0,1]' }, { verdict: 'AC', expected: '[1,2]' }] },
      [{ verdict: 'AC', cases: [{ verdict: 'AC', output: '[0,1]', expected: null }] }],
    );
    expect(merged.verdict).toBe('AC');
    expect(merged.cases.map((c) => c.expected)).toEqual(['[0,1]', null]);
  });

  it('a compile error wins', () => {
    const merged = mergeRun(planRun(['x'], samples), null, [{ verdict: 'CE', compile_output: 'solution.cpp:1:1: error: x', cases: [] }]);
    expect(merged).toEqual({ verdict: 'CE', compile_output: 'solution.cpp:1:1: error: x', cases: [] });
  });

  it('splits and joins parameter fields', () => {
    expect(splitFields('[1,2]\n3\n', 2)).toEqual(['[1,2]', '3']);
    expect(splitFields('[1,2]', 2)).toEqual(['[1,2]', '']);
    expect(splitFields('a\nb\nc', 2)).toBeNull();
    expect(joinFields(['[1,2]', '3'])).toBe('[1,2]\n3');
  });
});
