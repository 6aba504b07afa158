import { describe, expect, it } from 'vitest';
import { definitionToForm, emptyForm, formToDefinition, mergeTests, pairTestFiles, parseTags } from './adminForm.js';

const SIG = { name: 'addTwo', params: [{ name: 'a', type: 'integer' }, { name: 'b', type: 'integer' }], return: { type: 'integer' } };

describe('admin form', () => {
  it('turns the form into the contract definition', () => {
    const form = {
      ...emptyForm(),
      slug: 'add-two',
      title: '  Add Two ',
      difficulty: 'Medium',
      tags: 'Math, , Math,Simulation ',
      kind: 'function',
      statement: 'Add **a** and b.',
      signature: JSON.stringify(SIG),
      time_ms: '1500',
      memory_mb: ' 128',
      starter: { python3: 'class Solution: ...', cpp: '   ' },
      samples: [{ name: '01', input: '1\n2\n', answer: '3\n' }],
      tests: [{ name: 'big', input: '5\n6\n', answer: '11\n' }],
      hidden: true,
    };
    const { definition, errors } = formToDefinition(form, { isNew: true });
    expect(errors).toEqual({});
    expect(definition).toEqual({
      title: 'Add Two',
      difficulty: 'Medium',
      tags: ['Math', 'Simulation'],
      kind: 'function',
      statement: 'Add **a** and b.',
      signature: SIG,
      compare: { mode: 'exact' },
      limits: { time_ms: 1500, memory_mb: 128 },
      starter: { python3: 'class Solution: ...' },
      samples: [{ name: '01', input: '1\n2\n', answer: '3\n' }],
      tests: [{ name: 'big', input: '5\n6\n', answer: '11\n' }],
      hidden: true,
    });
  });

  it('a stdio problem has no signature or compare, maybe validator flags', () => {
    const { definition, errors } = formToDefinition({ ...emptyForm(), title: 'Echo', statement: 'x', kind: 'stdio', signature: 'not json', compare_mode: 'float' });
    expect(errors).toEqual({});
    expect('signature' in definition || 'compare' in definition || 'validator' in definition).toBe(false);
    expect(definition.kind).toBe('stdio');
    const v = formToDefinition({ ...emptyForm(), title: 'E', statement: 'x', kind: 'stdio', validator: ' float_tolerance 1e-6 ' }).definition;
    expect(v.validator).toBe('float_tolerance 1e-6');
    const stdioDef = { title: 'E', difficulty: 'Easy', tags: [], kind: 'stdio', statement: 's', validator: 'case_sensitive', limits: { time_ms: 1, memory_mb: 2 }, starter: {}, samples: [], tests: [], hidden: true };
    expect(formToDefinition(definitionToForm(stdioDef, 'e')).definition).toEqual(stdioDef);
  });

  it('float comparison takes a tolerance', () => {
    const f = { ...emptyForm(), title: 't', statement: 's', compare_mode: 'float', tolerance: 'x' };
    expect(formToDefinition(f).errors.tolerance).toMatch(/number/);
    expect(formToDefinition({ ...f, tolerance: '1e-6' }).definition.compare).toEqual({ mode: 'float', tolerance: 1e-6 });
    expect(formToDefinition({ ...f, compare_mode: 'unordered', tolerance: '1e-6' }).definition.compare).toEqual({ mode: 'unordered' });
  });

  it('names what is wrong', () => {
    const { errors } = formToDefinition(
      { ...emptyForm(), slug: 'Bad Slug', title: ' ', statement: '', signature: '{"name": ', time_ms: '1.5', memory_mb: '0', tests: [{ name: 'a', input: '', answer: '' }, { name: 'a', input: '', answer: '' }] },
      { isNew: true },
    );
    expect(Object.keys(errors).sort()).toEqual(['memory_mb', 'signature', 'slug', 'statement', 'tests', 'time_ms', 'title']);
    expect(errors.signature).toMatch(/not valid/);
    const bad = formToDefinition({ ...emptyForm(), title: 't', statement: 's', samples: [{ name: 'my test', input: '', answer: '' }], tests: [{ name: 'group/ok-1', input: '', answer: '' }] }).errors;
    expect(bad.samples).toMatch(/not a test name/);
    expect(bad.tests).toBeUndefined();
    expect(formToDefinition({ ...emptyForm(), title: 't', statement: 's', signature: '{"params": []}' }).errors.signature).toMatch(/"name"/);
    // an existing problem keeps its slug: no slug check
    expect(formToDefinition({ ...emptyForm(), title: 't', statement: 's' }).errors.slug).toBeUndefined();
  });

  it('reads a definition back into the form and out again unchanged', () => {
    const def = { title: 'Add Two', difficulty: 'Hard', tags: ['Math'], kind: 'function', statement: 'S', signature: SIG, compare: { mode: 'float', tolerance: 0.001 }, limits: { time_ms: 1000, memory_mb: 64 }, starter: { cpp: 'int x;' }, samples: [{ name: '1', input: 'a', answer: 'b' }], tests: [{ name: '2', input: 'c', answer: 'd' }], hidden: false };
    const form = definitionToForm(def, 'add-two');
    expect(form.slug).toBe('add-two');
    expect(form.tags).toBe('Math');
    expect(form.hidden).toBe(false);
    expect(formToDefinition(form).definition).toEqual(def);
  });

  it('pairs NAME.in with NAME.ans and says what is left over', () => {
    const { tests, problems } = pairTestFiles([
      { name: '10.in', text: 'ten' },
      { name: '2.ans', text: 'two!' },
      { name: '2.in', text: 'two' },
      { name: '10.ans', text: 'ten!' },
      { name: 'lonely.in', text: '' },
      { name: 'stray.ans', text: '' },
      { name: 'notes.txt', text: '' },
    ]);
    expect(tests).toEqual([
      { name: '2', input: 'two', answer: 'two!' },
      { name: '10', input: 'ten', answer: 'ten!' },
    ]);
    expect(problems).toEqual(['notes.txt: not a .in or .ans file', 'lonely.in has no lonely.ans', 'stray.ans has no stray.in']);
  });

  it('merges uploads by name', () => {
    expect(mergeTests([{ name: '1', input: 'old', answer: '' }, { name: '3', input: '', answer: '' }], [{ name: '1', input: 'new', answer: '' }, { name: '2', input: '', answer: '' }]).map((t) => `${t.name}:${t.input}`)).toEqual(['1:new', '2:', '3:']);
    expect(parseTags(' a,b ,, a')).toEqual(['a', 'b']);
  });
});
