// Reading a printed PDF with poppler (pdfinfo, pdftotext: Debian's poppler-utils, installed by
// test/ensure-test-deps.mjs). Counting `/Type /Page` in the bytes works for Chromium's PDFs, not for
// Firefox's, which keep their objects in compressed streams.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

function withPdfFile<T>(pdf: Uint8Array, read: (file: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'pdf-'));
  const file = path.join(dir, 'printed.pdf');
  try {
    writeFileSync(file, pdf);
    return read(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The number of pages, as pdfinfo reads it. */
export function pdfPageCount(pdf: Uint8Array): number {
  const info = withPdfFile(pdf, (file) => execFileSync('pdfinfo', [file]).toString('utf8'));
  const pages = /^Pages:\s+(\d+)$/m.exec(info)?.[1];
  if (pages === undefined) throw new Error(`pdfinfo gave no page count:\n${info}`);
  return Number(pages);
}

/** The text, laid out, as pdftotext reads it. */
export function pdfText(pdf: Uint8Array): string {
  return withPdfFile(pdf, (file) =>
    execFileSync('pdftotext', ['-layout', file, '-'], { maxBuffer: 64 * 1024 * 1024 }).toString('utf8'),
  );
}
