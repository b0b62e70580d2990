// What each benchmark's harness test gives its one short run: a temporary directory for the result
// files and any private build (removed once the file's tests are done), the build to serve, and the
// run's log lines for the test to read.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function testRun(name: string) {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-`));
  afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));
  const lines: string[] = [];
  return {
    outDir,
    lines,
    options: {
      outDir,
      // dist/ when a build is there (`npm test` builds it before vitest runs), else a private build.
      appDist: fs.existsSync(path.join(ROOT, 'dist', '.vite', 'manifest.json')) ? 'dist' : undefined,
      buildDir: outDir,
      log: (line: string) => void lines.push(line),
    },
  };
}
