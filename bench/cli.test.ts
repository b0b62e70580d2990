// The benchmarks' shared command line: options by name, numbers checked, typos refused.
import { describe, expect, it } from 'vitest';
import { numberFlag, readFlags } from './cli';

describe('benchmark options', () => {
  it('reads each option given with its value, and leaves the others out', () => {
    const flags = readFlags(['--sessions', '1000', '--out', 'x'], ['sessions', 'out', 'port']);
    expect(flags).toEqual({ sessions: '1000', out: 'x' });
    expect(numberFlag(flags, 'sessions', 5)).toBe(1000);
    expect(numberFlag(flags, 'port', 4310)).toBe(4310);
  });

  it('refuses an unknown option and one without its value', () => {
    expect(() => readFlags(['--sesions', '1000'], ['sessions'])).toThrow(/Unknown option '--sesions'/);
    expect(() => readFlags(['--sessions'], ['sessions'])).toThrow(/argument missing/);
  });

  it('takes positive numbers, and only whole ones where asked', () => {
    const flags = readFlags(['--scroll-seconds', '0.5', '--runs', '0'], ['scroll-seconds', 'runs']);
    expect(numberFlag(flags, 'scroll-seconds', 8)).toBe(0.5);
    expect(() => numberFlag(flags, 'scroll-seconds', 8, { integer: true })).toThrow(
      '--scroll-seconds must be a positive integer, got "0.5"',
    );
    expect(() => numberFlag(flags, 'runs', 3)).toThrow('--runs must be a positive number, got "0"');
  });
});
