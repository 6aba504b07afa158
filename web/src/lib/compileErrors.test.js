import { describe, expect, it } from 'vitest';
import { parseCompileErrors, toMarkers } from './compileErrors.js';

describe('compile errors', () => {
  it('reads g++ messages for solution.cpp', () => {
    const out = [
      "solution.cpp: In member function 'std::vector<int> Solution::twoSum(std::vector<int>&, int)':",
      "solution.cpp:4:28: error: expected ';' before 'return'",
      '    4 |         int x = nums.size()',
      "/tmp/box/solution.cpp:9:5: warning: unused variable 'y' [-Wunused-variable]",
      'solution.cpp:9:5: note: something',
      'harness.cpp:100:1: error: not the user\'s line',
    ].join('\n');
    expect(parseCompileErrors(out, 'cpp')).toEqual([
      { line: 4, column: 28, message: "expected ';' before 'return'", severity: 'error' },
      { line: 9, column: 5, message: "unused variable 'y' [-Wunused-variable]", severity: 'warning' },
    ]);
  });

  it('reads Python tracebacks for solution.py', () => {
    const out = ['  File "solution.py", line 3', '    return x +', '               ^', 'SyntaxError: invalid syntax'].join('\n');
    expect(parseCompileErrors(out, 'python3')).toEqual([{ line: 3, column: null, message: 'SyntaxError: invalid syntax', severity: 'error' }]);
    const tb = [
      'Traceback (most recent call last):',
      '  File "/judge/driver.py", line 40, in <module>',
      '  File "/box/solution.py", line 7, in twoSum',
      '    return nums[99]',
      'IndexError: list index out of range',
    ].join('\n');
    expect(parseCompileErrors(tb, 'python3')).toEqual([{ line: 7, column: null, message: 'IndexError: list index out of range', severity: 'error' }]);
  });

  it('finds nothing in empty or unrelated text', () => {
    expect(parseCompileErrors('', 'cpp')).toEqual([]);
    expect(parseCompileErrors(null, 'cpp')).toEqual([]);
    expect(parseCompileErrors('ld: cannot find -lfoo', 'cpp')).toEqual([]);
  });

  it('turns errors into Monaco markers inside the model', () => {
    const lines = ['class Solution {', 'public:', '    int x = nums.size()', '};'];
    const model = {
      getLineCount: () => lines.length,
      getLineMaxColumn: (n) => lines[n - 1].length + 1,
      getLineFirstNonWhitespaceColumn: (n) => lines[n - 1].search(/\S/) + 1,
      getWordAtPosition: () => null,
    };
    const monaco = { MarkerSeverity: { Error: 8, Warning: 4 } };
    const [m1, m2] = toMarkers(
      [
        { line: 3, column: null, message: 'bad', severity: 'error' },
        { line: 99, column: 2, message: 'past the end', severity: 'warning' },
      ],
      monaco,
      model,
    );
    expect(m1).toMatchObject({ startLineNumber: 3, startColumn: 5, endLineNumber: 3, endColumn: 24, severity: 8, message: 'bad' });
    expect(m2).toMatchObject({ startLineNumber: 4, severity: 4 });
  });
});
