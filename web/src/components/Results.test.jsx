import { describe, expect, it } from 'vitest';
import { render, screen, fireEvent } from '@testing-library/react';
import { RunResult, SubmissionResult, SubmissionVerdict } from './Results.jsx';
import { initialProgress, progressReducer } from '../lib/progress.js';

const base = { id: 3, problem: 'two-sum', language: 'cpp', code: '', status: 'done', created_at: '2026-01-01T00:00:00Z', compile_output: null, message: null, failed_test: null, total_tests: 40, tests: [], beats: null };

describe('submission verdicts', () => {
  it('Accepted: runtime, memory and beats', () => {
    render(<SubmissionVerdict submission={{ ...base, verdict: 'AC', cpu_ms: 12, memory_kb: 9318, beats: { time: 73.5, memory: 41 } }} />);
    expect(screen.getByText('Accepted')).toBeTruthy();
    expect(screen.getByText('12 ms')).toBeTruthy();
    expect(screen.getByText('9.1 MB')).toBeTruthy();
    expect(screen.getByText('73.5 %')).toBeTruthy();
    expect(screen.getByText('41.0 %')).toBeTruthy();
    expect(screen.getByTestId('passed-count').textContent).toBe('40 / 40 testcases passed');
  });

  it('Wrong Answer shows the failing sample', () => {
    render(
      <SubmissionVerdict
        submission={{ ...base, verdict: 'WA', failed_test: 2, tests: [{ verdict: 'AC' }, { verdict: 'WA' }] }}
        failedSample={{ input: '[3,2,4]\n6', expected: '[1,2]', output: '[0,0]' }}
      />,
    );
    expect(screen.getByText('Wrong Answer')).toBeTruthy();
    expect(screen.getByTestId('failed-test').textContent).toBe('Wrong Answer on test 2 of 40');
    expect(screen.getByTestId('passed-count').textContent).toBe('1 / 40 testcases passed');
    const box = screen.getByTestId('failed-sample');
    expect(box.textContent).toContain('[3,2,4]');
    expect(box.textContent).toContain('[1,2]');
    expect(box.textContent).toContain('[0,0]');
  });

  it('Wrong Answer on a hidden test shows no input', () => {
    render(<SubmissionVerdict submission={{ ...base, verdict: 'WA', failed_test: 17 }} />);
    expect(screen.queryByTestId('failed-sample')).toBeNull();
    expect(screen.getByTestId('failed-test').textContent).toContain('test 17');
  });

  it.each([
    ['TLE', 'Time Limit Exceeded', 'CPU time limit exceeded'],
    ['MLE', 'Memory Limit Exceeded', 'killed: out of memory'],
    ['RE', 'Runtime Error', 'IndexError: list index out of range'],
  ])('%s shows the test number and the error text', (verdict, name, message) => {
    render(<SubmissionVerdict submission={{ ...base, verdict, failed_test: 12, message, tests: Array(12).fill({ verdict: 'AC', cpu_ms: 1, memory_kb: 100 }) }} />);
    expect(screen.getAllByText(name).length).toBeGreaterThan(0);
    expect(screen.getByTestId('failed-test').textContent).toBe(`${name} on test 12 of 40`);
    expect(screen.getByTestId('verdict-message').textContent).toBe(message);
  });

  it('Compilation Error shows the compiler message', () => {
    render(<SubmissionVerdict submission={{ ...base, verdict: 'CE', compile_output: "solution.cpp:4:28: error: expected ';'" }} />);
    expect(screen.getByText('Compilation Error')).toBeTruthy();
    expect(screen.getByTestId('compile-output').textContent).toContain('solution.cpp:4:28');
  });

  it('Internal Error is not the user\'s fault', () => {
    render(<SubmissionVerdict submission={{ ...base, verdict: 'IE', message: 'sandbox failed' }} />);
    expect(screen.getByText('Internal Error')).toBeTruthy();
    expect(screen.getByText('sandbox failed')).toBeTruthy();
  });
});

describe('submission progress', () => {
  it('shows "Test k of n" and a progress bar while judging, then the verdict', () => {
    let s = progressReducer(initialProgress, { type: 'submitted', id: 1 });
    for (let i = 1; i <= 11; i++) s = progressReducer(s, { type: 'test', data: { index: i, total: 40 } });
    const { rerender } = render(<SubmissionResult state={s} />);
    expect(screen.getByTestId('progress-label').textContent).toBe('Test 12 of 40');
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('28');
    s = progressReducer(s, { type: 'done', submission: { ...base, verdict: 'AC', cpu_ms: 5, memory_kb: 100 } });
    rerender(<SubmissionResult state={s} />);
    expect(screen.queryByTestId('progress')).toBeNull();
    expect(screen.getByTestId('verdict').dataset.verdict).toBe('AC');
  });

  it('shows server errors as a message', () => {
    render(<SubmissionResult state={{ ...initialProgress, phase: 'error', error: 'The judge queue is full' }} />);
    expect(screen.getByRole('alert').textContent).toBe('The judge queue is full');
  });
});

describe('run results', () => {
  const result = {
    verdict: 'WA',
    compile_output: '',
    cases: [
      { input: '[2,7,11,15]\n9', output: '[0,1]', stdout: 'dbg 1\n', expected: '[0,1]', verdict: 'AC', cpu_ms: 3, memory_kb: 10, message: '' },
      { input: '[3,2,4]\n6', output: '[0,0]', stdout: '', expected: '[1,2]', verdict: 'WA', cpu_ms: 4, memory_kb: 10, message: '' },
      { input: '[1,1]\n2', output: '[0,1]', stdout: '', expected: null, verdict: 'AC', cpu_ms: 4, memory_kb: 10, message: '' },
    ],
  };

  it('shows per case input, output, stdout, expected and pass/fail', () => {
    render(<RunResult result={result} />);
    expect(screen.getByTestId('run-verdict').textContent).toBe('Wrong Answer');
    expect(screen.getByText('1 / 2 passed')).toBeTruthy();
    expect(screen.getByTestId('case-tab-0').dataset.pass).toBe('true');
    expect(screen.getByTestId('case-tab-1').dataset.pass).toBe('false');
    expect(screen.getByTestId('case-input').textContent).toBe('[2,7,11,15]\n9');
    expect(screen.getByTestId('case-stdout').textContent).toBe('dbg 1\n');
    fireEvent.click(screen.getByTestId('case-tab-1'));
    expect(screen.getByTestId('case-output').textContent).toBe('[0,0]');
    expect(screen.getByTestId('case-expected').textContent).toBe('[1,2]');
    fireEvent.click(screen.getByTestId('case-tab-2'));
    expect(screen.queryByTestId('case-expected')).toBeNull(); // a custom case has no expected answer
  });

  it('labels the input with the parameter names', () => {
    render(<RunResult result={result} params={['nums', 'target']} />);
    expect(screen.getByText('nums =')).toBeTruthy();
    expect(screen.getByText('target =')).toBeTruthy();
    expect(screen.getByTestId('case-input').textContent).toContain('[2,7,11,15]');
  });

  it('all passing is Accepted', () => {
    render(<RunResult result={{ verdict: 'AC', cases: [result.cases[0]] }} />);
    expect(screen.getByTestId('run-verdict').textContent).toBe('Accepted');
  });

  it('a compile error shows the compiler output', () => {
    render(<RunResult result={{ verdict: 'CE', compile_output: 'solution.cpp:1:1: error: nope', cases: [] }} />);
    expect(screen.getByTestId('compile-output').textContent).toContain('error: nope');
  });

  it('a runtime error shows the message', () => {
    render(<RunResult result={{ verdict: 'RE', cases: [{ ...result.cases[0], verdict: 'RE', output: '', message: 'Segmentation fault' }] }} />);
    expect(screen.getByTestId('run-verdict').textContent).toBe('Runtime Error');
    expect(screen.getByTestId('case-message').textContent).toBe('Segmentation fault');
  });
});
