// Sessions arriving as the clock runs (SANDBOX_ARRIVALS_PER_MIN), written lazily: the first request
// that sees a minute writes that minute's arrivals (and any minutes skipped since), whole. Rows of
// the current minute that lie ahead of the clock are written too; list-sessions.ts never answers a
// session created after the clock, so each one appears at its instant, and a clock that is set back
// (tests) hides them again. Query workers share a database file, so writes take the write lock first
// and ignore rows another worker wrote already.
import { INTO_SESSIONS, sessionValues, type Db } from './database';
import { ARRIVAL_RID_BASE, arrivalsOfMinute, MINUTE_MS } from './generate-sessions';
import { logText, sessionLog } from './session-log';
import type { World } from './world';

export interface ArrivalSettings {
  perMin: number;
  seed: number;
  /** The clock the database was generated for: arrivals come after it. */
  builtFor: number;
}

/** Returns `catchUp(now)`, which writes the arrivals of every minute up to `now`'s. */
export function createArrivals(db: Db, settings: ArrivalSettings, world: World): (now: number) => void {
  const { perMin, seed, builtFor } = settings;
  if (perMin === 0) return () => {};
  const firstMinute = Math.floor(builtFor / MINUTE_MS);
  // Minutes are written whole, so the newest arrival stored tells which minutes are done.
  const newest = db.prepare('SELECT max(rid) AS rid FROM sessions WHERE rid >= ?').get(ARRIVAL_RID_BASE) as {
    rid: number | null;
  };
  let doneMinute =
    newest.rid === null
      ? firstMinute - 1
      : firstMinute + Math.floor((newest.rid - ARRIVAL_RID_BASE) / perMin);

  const insert = db.prepare(`INSERT OR IGNORE ${INTO_SESSIONS}`);
  const insertLog = db.prepare('INSERT OR IGNORE INTO session_logs (rid, text) VALUES (?, ?)');
  const insertAddresses = db.prepare(
    'INSERT INTO address_fts (rowid, from_address, to_address) VALUES (?, ?, ?)',
  );
  const write = db.transaction((from: number, to: number) => {
    for (let minute = from; minute <= to; minute++) {
      for (const row of arrivalsOfMinute(minute, perMin, builtFor, seed, world)) {
        // Another worker may have written it: then its log and index entry exist too.
        if (insert.run(...sessionValues(row)).changes === 0) continue;
        insertLog.run(row.rid, logText(sessionLog(row, world, seed)));
        insertAddresses.run(row.rid, row.fromAddress, row.toAddress);
      }
    }
  });

  return (now: number) => {
    const minute = Math.floor(now / MINUTE_MS);
    if (minute <= doneMinute) return;
    write.immediate(doneMinute + 1, minute);
    doneMinute = minute;
  };
}
