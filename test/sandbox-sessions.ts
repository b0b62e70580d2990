// The sandbox's own sessions as wire JSON, for tests under src/ (which ESLint keeps from importing
// server/ directly: that rule is for app code): the specimens (server/sandbox/specimens.ts) and
// sessions from the generator, expanded as the sandbox answers them.
import { buildSpecimens } from '../server/sandbox/specimens';
import { buildWorld } from '../server/sandbox/world';
import { generateSessions } from '../server/sandbox/generate-sessions';
import { expandSession } from '../server/sandbox/session-detail';

export { HOSTILE, SPECIMEN_IDS } from '../server/sandbox/specimens';
export { TRANSFER_CALLER } from '../server/sandbox/transfer-specimens';

/** The specimens' wire JSON by id, dated relative to `now`. */
export function specimenWire(now: number): Map<string, Record<string, unknown>> {
  return new Map(buildSpecimens(now, buildWorld(1)).map((s) => [s.id, s.wire]));
}

/** `count` generated sessions as the sandbox (seed `seed`, clock `now`) answers them. */
export function generatedWire(count: number, now: number, seed: number): unknown[] {
  const world = buildWorld(seed);
  return [...generateSessions(count, now, seed, world)].map((row) => expandSession(row, world, seed, now));
}
