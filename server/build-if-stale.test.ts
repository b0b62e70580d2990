import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { staleBuildReason } from './build-if-stale';

let root: string;
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

function touch(file: string, secondsAgo: number) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, '');
  const when = new Date(Date.now() - secondsAgo * 1000);
  fs.utimesSync(file, when, when);
}

describe('staleBuildReason', () => {
  it('asks for a build when there is none, and none when dist/ is newer than every input', () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'stale-'));
    touch(path.join(root, 'src', 'app', 'x.tsx'), 100);
    touch(path.join(root, 'package.json'), 100);
    expect(staleBuildReason(root)).toBe('no build yet');
    touch(path.join(root, 'dist', 'index.html'), 10);
    fs.utimesSync(
      path.join(root, 'src', 'app'),
      new Date(Date.now() - 100_000),
      new Date(Date.now() - 100_000),
    );
    fs.utimesSync(path.join(root, 'src'), new Date(Date.now() - 100_000), new Date(Date.now() - 100_000));
    expect(staleBuildReason(root)).toBeUndefined();
  });

  it('asks for a build when a nested source file is newer than the build', () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'stale-'));
    touch(path.join(root, 'dist', 'index.html'), 50);
    touch(path.join(root, 'src', 'deep', 'er', 'file.ts'), 1);
    expect(staleBuildReason(root)).toBe('src changed since the last build');
  });
});
