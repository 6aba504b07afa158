import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import Statement, { stripTitle } from './Statement.jsx';

describe('statement', () => {
  it('renders Markdown but never raw HTML', () => {
    const problem = {
      title: 'Two Sum',
      difficulty: 'Easy',
      tags: ['Array'],
      statement:
        '# Two Sum\n\nGiven `nums`, **return** indices.\n\n<script>window.__pwned = 1</script>\n\n<img src=x onerror="window.__pwned=2">\n\n[link](javascript:alert(1))\n\n| a | b |\n|---|---|\n| 1 | 2 |',
      limits: { time_ms: 2000, memory_mb: 256 },
    };
    const { container } = render(<Statement problem={problem} />);
    expect(container.querySelector('code').textContent).toBe('nums');
    expect(container.querySelector('strong').textContent).toBe('return');
    expect(container.querySelector('table')).toBeTruthy();
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('[onerror]')).toBeNull();
    const a = container.querySelector('.markdown a');
    expect(a.getAttribute('href') || '').not.toContain('javascript');
    expect(window.__pwned).toBeUndefined();
    expect(container.querySelectorAll('h1').length).toBe(1); // the title is not repeated
  });

  it('never loads images from another host', () => {
    const { container } = render(<Statement problem={{ title: 'T', statement: '![a](https://example.com/x.png) ![b](img/local.png)' }} />);
    const srcs = [...container.querySelectorAll('img')].map((i) => i.getAttribute('src') || '');
    expect(srcs).toEqual(['', 'img/local.png']);
  });

  it('strips only a leading title that repeats the problem title', () => {
    expect(stripTitle('# Two Sum\n\ntext', 'Two Sum').trim()).toBe('text');
    expect(stripTitle('# Other\n\ntext', 'Two Sum')).toBe('# Other\n\ntext');
  });
});
