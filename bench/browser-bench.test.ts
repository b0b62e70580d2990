// The harness itself, not its timings: on a small sandbox, one short run produces every figure as a
// finite number and writes both result files. Builds the AG Grid page itself, into a temp dir.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIGURES, runBench } from './browser-bench';
import { testRun } from './test-run';

const { outDir, lines, options } = testRun('browser-bench');

describe('browser benchmark harness', () => {
  it(
    'measures every figure on 1,000 sessions and writes latest.json and latest.md',
    { timeout: 170_000 },
    async () => {
      const result = await runBench({
        sessions: 1000,
        runs: 1,
        scrollSeconds: 1,
        filterChanges: 2,
        firstRowsLoads: 2,
        // BENCH_TEST_PORT lets checkouts run this side by side (it uses the port and the next).
        port: Number(process.env.BENCH_TEST_PORT ?? 4340),
        ...options,
      });

      for (const spec of FIGURES) {
        const targets = spec.appOnly ? (['app'] as const) : (['app', 'agGrid'] as const);
        for (const target of targets) {
          expect
            .soft(Number.isFinite(result.figures[spec.key]?.[target]), `${spec.key} of ${target}`)
            .toBe(true);
        }
        if (spec.scroll)
          expect.soft(Number.isFinite(result.figures[spec.key]?.static), `${spec.key} static`).toBe(true);
      }
      expect(result.rowCount).toBeGreaterThan(0);
      // Times from an action to what it shows come after the action (a filter's new rows were once
      // found among those shown before its last keystroke).
      for (const key of ['firstRowsMs', 'jumpMs', 'filterMs'] as const)
        for (const target of ['app', 'agGrid'] as const)
          expect.soft(result.figures[key]?.[target], `${key} of ${target}`).toBeGreaterThan(0);
      // Ready comes with or after the first rows painted, on both grids.
      for (const target of ['app', 'agGrid'] as const)
        expect
          .soft(result.figures.readyMs?.[target], `readyMs of ${target}`)
          .toBeGreaterThanOrEqual(result.figures.firstRowsMs?.[target] ?? Infinity);
      // First rows and ready are timed over more cold loads than the runs (2 per target and run here),
      // and as many loads of Session History are clicked at first paint.
      expect(
        lines.some((line) =>
          /more cold loads, first rows\/live\/ready \(ms\): app [\d.,/]+.*, agGrid [\d.,/]+/.test(line),
        ),
      ).toBe(true);
      expect(
        lines.some((line) => /click on a row at first paint, ms to its drawer: \S+, \S+$/.test(line)),
      ).toBe(true);
      const names = result.budgets.map((b) => b.name);
      expect(names).toContain('Ready <= 0.75 of AG Grid (aim 0.6)');
      expect(names).not.toContain('Time to first rows <= half of AG Grid');
      expect(result.budgets.length).toBeGreaterThan(5);

      const json = JSON.parse(fs.readFileSync(path.join(outDir, 'latest.json'), 'utf8')) as typeof result;
      expect(json.figures.scrollP95?.app).toBeTypeOf('number');
      const md = fs.readFileSync(path.join(outDir, 'latest.md'), 'utf8');
      expect(md).toContain('| figure | Session History | AG Grid |');
      expect(md).toMatch(/(PASS|MISS) Scroll p95 <= 33 ms/);
      expect(md).toContain(result.machine.chromium);
    },
  );
});
