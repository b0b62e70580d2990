// The benchmarks' command lines: `--name value` options read with node:util's parseArgs (an
// unknown option or one without its value is refused, not ignored), numbers checked, and the run
// started only when the file is executed, not when its harness test imports it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** The value of each option given, by name (without the dashes). */
export type Flags = Record<string, string | undefined>;

/** The options `names` (each with a value) read from `argv`. */
export function readFlags(argv: readonly string[], names: readonly string[]): Flags {
  const { values } = parseArgs({
    args: [...argv],
    options: Object.fromEntries(names.map((name) => [name, { type: 'string' as const }])),
  });
  return values as Flags;
}

/** A positive number option (a positive integer with `integer`), or `fallback` when not given. */
export function numberFlag(flags: Flags, name: string, fallback: number, { integer = false } = {}): number {
  const raw = flags[name];
  const n = raw === undefined ? fallback : Number(raw);
  const ok = integer ? Number.isInteger(n) && n > 0 : Number.isFinite(n) && n > 0;
  if (!ok) throw new Error(`--${name} must be a positive ${integer ? 'integer' : 'number'}, got "${raw}"`);
  return n;
}

/**
 * Runs `main` with the command line's arguments when the module at `moduleUrl` is the one executed
 * (`tsx bench/x.ts`), prints `usage` for --help, and exits with 1 when `main` fails.
 */
export function runIfMain(moduleUrl: string, usage: string, main: (argv: string[]) => Promise<unknown>) {
  if (!process.argv[1] || path.resolve(process.argv[1]) !== fileURLToPath(moduleUrl)) return;
  const argv = process.argv.slice(2);
  if (argv.includes('--help')) {
    console.log(usage);
    return;
  }
  main(argv).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
