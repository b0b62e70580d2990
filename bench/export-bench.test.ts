// The export benchmark's harness, not its timings: on a small sandbox, one export through the real
// menu gives finite figures, a file with every session of the result once, and both result files.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExportBench } from './export-bench';
import { testRun } from './test-run';

const { outDir, lines, options } = testRun('export-bench');

describe('export benchmark harness', () => {
  it(
    'exports 2,000 sessions (some in transit) as CSV, counts the rows and the memory, and writes export.md and .json',
    { timeout: 120_000 },
    async () => {
      const { figures, budgets, verdict } = await runExportBench({
        sessions: 2000,
        // Beside browser-bench.test.ts, which takes BENCH_TEST_PORT and the next.
        port: Number(process.env.BENCH_TEST_PORT ?? 4340) + 2,
        timeoutMs: 30_000,
        // The newest archived sessions answer from the live store too: shown once, exported once.
        inBothStores: 30,
        ...options,
      });

      for (const [key, value] of Object.entries(figures))
        if (typeof value === 'number') expect.soft(Number.isFinite(value), key).toBe(true);
      // Every session of the sandbox is in the result (specimens included), and once in the file.
      expect(figures.resultTotal).toBeGreaterThanOrEqual(2000);
      expect(figures.fileRows).toBe(figures.resultTotal);
      expect(figures.fileIds).toBe(figures.resultTotal);
      expect(figures.exportedShown).toBe(figures.resultTotal);
      expect(figures.fileName).toMatch(/^sessions_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
      // The click comes first, then the download, then the whole file.
      expect(figures.toDownloadMs).toBeGreaterThan(0);
      expect(figures.exportMs).toBeGreaterThanOrEqual(figures.toDownloadMs);
      // The memory is the browser's: hundreds of MB across its processes, read more than once.
      expect(figures.rssBeforeMb).toBeGreaterThan(50);
      expect(figures.rssPeakMb).toBeGreaterThanOrEqual(figures.rssBeforeMb);
      expect(figures.rssSamples).toBeGreaterThan(1);
      expect(Object.keys(figures.rssGrowthByKindMb)).toEqual(expect.arrayContaining(['browser', 'renderer']));
      // The export costs the renderer and the sandbox server CPU time.
      expect(figures.cpuSecondsByKind.renderer).toBeGreaterThan(0);
      expect(figures.cpuSecondsByKind['sandbox server']).toBeGreaterThan(0);
      // 2,008 sessions in two stores: at least a page of each.
      expect(figures.pageRequests).toBeGreaterThanOrEqual(2);

      expect(budgets.map((b) => b.name)).toEqual([
        'Export under 30 s',
        'Browser resident memory grows less than 200 MB',
        'Every session of the result in the file, once',
      ]);
      expect(verdict).toMatch(/^(PASS|MISS): [\d,]+ of [\d,]+ sessions exported to CSV in [\d.]+ s/);
      expect(lines).toContain(verdict);
      const json = JSON.parse(fs.readFileSync(path.join(outDir, 'export.json'), 'utf8')) as {
        figures: { fileRows: number };
      };
      expect(json.figures.fileRows).toBe(figures.fileRows);
      const md = fs.readFileSync(path.join(outDir, 'export.md'), 'utf8');
      expect(md).toContain(verdict);
      expect(md).toContain('30 of them in transit');
    },
  );
});
