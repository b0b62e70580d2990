import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { findRanges, HighlightedText, textMatcher } from './highlight-text';

describe('findRanges', () => {
  it('matches plain text case-insensitively, special characters included', () => {
    expect(findRanges('Ringing agent, ringing again', textMatcher('ringing'))).toEqual([
      { start: 0, end: 7 },
      { start: 15, end: 22 },
    ]);
    expect(findRanges('cost $5.00 (a+b)*c', textMatcher('(a+b)*'))).toEqual([{ start: 11, end: 17 }]);
    expect(findRanges('a.b axb', textMatcher('a.b'))).toEqual([{ start: 0, end: 3 }]);
    expect(findRanges('anything', textMatcher('   '))).toEqual([]);
  });
});

describe('HighlightedText', () => {
  it('marks the ranges as text, the current one distinctly, and never parses HTML', () => {
    const text = '<img src=x onerror=alert(1)> and <img';
    const { container } = render(
      <HighlightedText text={text} ranges={findRanges(text, textMatcher('<img'))} current={1} />,
    );
    const marks = container.querySelectorAll('mark');
    expect([...marks].map((m) => m.textContent)).toEqual(['<img', '<img']);
    expect(marks[1]).toHaveAttribute('aria-current', 'true');
    expect(marks[0]).not.toHaveAttribute('aria-current');
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toBe(text);
  });
});
