// The sandbox database: built once for (sessions, seed, specimens, schema version, clock) and reused
// until one of those changes or the clock it was built for is more than an hour old.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { generateSessions, type SessionRow } from './generate-sessions';
import { logText, sessionLog } from './session-log';
import { buildSpecimens } from './specimens';
import type { World } from './world';

export type Db = Database.Database;

/** Bump when the schema or the generator changes, so old database files are rebuilt. */
export const SCHEMA_VERSION = 6;

export interface DataSettings {
  sessions: number;
  seed: number;
  specimens: boolean;
  /** SANDBOX_ARRIVALS_PER_MIN: the rows arrivals.ts writes depend on it. */
  arrivalsPerMin: number;
}

export interface BuildMeta extends DataSettings {
  schemaVersion: number;
  /** The clock (epoch ms) the data was generated for. */
  builtFor: number;
  buildSeconds: number;
}

/** How long after the clock it was built for a database is reused. */
export const REUSE_FOR_MS = 60 * 60 * 1000;

/** Why the database must be rebuilt, or undefined when it can be reused. */
export function rebuildReason(
  meta: BuildMeta | undefined,
  want: DataSettings,
  now: number,
): string | undefined {
  if (!meta) return 'no database yet';
  if (meta.schemaVersion !== SCHEMA_VERSION)
    return `schema version ${meta.schemaVersion} -> ${SCHEMA_VERSION}`;
  if (meta.sessions !== want.sessions) return `sessions ${meta.sessions} -> ${want.sessions}`;
  if (meta.seed !== want.seed) return `seed ${meta.seed} -> ${want.seed}`;
  if (meta.specimens !== want.specimens) return `specimens ${meta.specimens} -> ${want.specimens}`;
  if (meta.arrivalsPerMin !== want.arrivalsPerMin)
    return `arrivals per minute ${meta.arrivalsPerMin} -> ${want.arrivalsPerMin}`;
  // An earlier clock would see sessions from its future. A later one sees no session since the
  // build (arrivals are off by default): the last hour, "today" and the live sessions would be
  // empty or stale, and a build takes seconds.
  if (now < meta.builtFor) return 'the clock is earlier than the one it was built for';
  if (now - meta.builtFor > REUSE_FOR_MS) return 'built for a clock more than an hour ago';
  return undefined;
}

const SCHEMA = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE sessions (
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL,
  date_created INTEGER NOT NULL,
  date_completed INTEGER,
  account_id TEXT,
  account_name TEXT,
  customer_id TEXT,
  customer_name TEXT,
  endpoint_id TEXT,
  endpoint_name TEXT,
  answered_by_id TEXT,
  answered_by_name TEXT,
  from_address TEXT,
  from_name TEXT,
  to_address TEXT,
  channel TEXT,
  direction TEXT,
  outcome TEXT,
  was_missed INTEGER NOT NULL DEFAULT 0,
  parent_id TEXT,
  live INTEGER NOT NULL DEFAULT 0,
  queue_id TEXT,
  transfer_to_id TEXT,
  -- Specimens only: the exact JSON to answer with.
  raw TEXT
);
-- Log text for the log search, apart from sessions so scans of sessions stay narrow.
CREATE TABLE session_logs (rid INTEGER PRIMARY KEY, text TEXT NOT NULL);
`;

const INDEXES = `
CREATE UNIQUE INDEX sessions_id ON sessions(id);
CREATE INDEX sessions_date ON sessions(date_created, id);
CREATE INDEX sessions_parent ON sessions(parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX sessions_account ON sessions(account_id, date_created);
CREATE INDEX sessions_customer ON sessions(customer_id, date_created);
CREATE INDEX sessions_endpoint ON sessions(endpoint_id, date_created);
-- Trigram index for from/to contains-searches that span more than a month of the archive, where
-- a scan of the date range would read most of the table (see list-sessions.ts). Addresses are
-- short, so it costs little; the log text is not indexed this way (it would triple the file).
CREATE VIRTUAL TABLE address_fts USING fts5(
  from_address, to_address, content = 'sessions', content_rowid = 'rid', tokenize = 'trigram case_sensitive 0'
);
INSERT INTO address_fts(address_fts) VALUES ('rebuild');
ANALYZE;
`;

/** Column list that reads a row back as a SessionRow (plus raw). */
export const ROW_COLUMNS = `rid, id, date_created AS dateCreated, date_completed AS dateCompleted,
  account_id AS accountId, account_name AS accountName, customer_id AS customerId,
  customer_name AS customerName, endpoint_id AS endpointId, endpoint_name AS endpointName,
  answered_by_id AS answeredById, answered_by_name AS answeredByName, from_address AS fromAddress,
  from_name AS fromName, to_address AS toAddress, channel, direction, outcome, was_missed AS wasMissed,
  parent_id AS parentId, live, queue_id AS queueId, transfer_to_id AS transferToId, raw`;

export type StoredRow = SessionRow & { raw: string | null };

export function readMeta(db: Db): BuildMeta | undefined {
  const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get();
  if (!hasMeta) return undefined;
  const rows = db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[];
  const map = new Map(rows.map((r) => [r.key, r.value]));
  const num = (key: string) => Number(map.get(key));
  if (!map.has('builtFor')) return undefined;
  return {
    schemaVersion: num('schemaVersion'),
    sessions: num('sessions'),
    seed: num('seed'),
    specimens: map.get('specimens') === 'true',
    // Databases from before arrivals existed have none.
    arrivalsPerMin: Number(map.get('arrivalsPerMin') ?? 0),
    builtFor: num('builtFor'),
    buildSeconds: num('buildSeconds'),
  };
}

/** `INSERT ${INTO_SESSIONS}` takes the values of `sessionValues`. */
const SESSION_COLUMNS = `rid, id, date_created, date_completed, account_id, account_name, customer_id,
  customer_name, endpoint_id, endpoint_name, answered_by_id, answered_by_name, from_address, from_name,
  to_address, channel, direction, outcome, was_missed, parent_id, live, queue_id, transfer_to_id, raw`;
export const INTO_SESSIONS = `INTO sessions (${SESSION_COLUMNS}) VALUES (${Array(24).fill('?').join(', ')})`;

export function sessionValues(r: SessionRow): unknown[] {
  return [
    r.rid,
    r.id,
    r.dateCreated,
    r.dateCompleted,
    r.accountId,
    r.accountName,
    r.customerId,
    r.customerName,
    r.endpointId,
    r.endpointName,
    r.answeredById,
    r.answeredByName,
    r.fromAddress,
    r.fromName,
    r.toAddress,
    r.channel,
    r.direction,
    r.outcome,
    r.wasMissed,
    r.parentId,
    r.live,
    r.queueId,
    r.transferToId,
    null,
  ];
}

function fillDatabase(db: Db, settings: DataSettings, now: number, world: World): void {
  db.exec(SCHEMA);
  const insert = db.prepare(`INSERT ${INTO_SESSIONS}`);
  const insertLog = db.prepare('INSERT INTO session_logs (rid, text) VALUES (?, ?)');
  const insertBatch = db.transaction((rows: SessionRow[]) => {
    for (const r of rows) {
      insert.run(...sessionValues(r));
      insertLog.run(r.rid, logText(sessionLog(r, world, settings.seed)));
    }
  });
  let batch: SessionRow[] = [];
  let lastRid = -1;
  for (const row of generateSessions(settings.sessions, now, settings.seed, world)) {
    batch.push(row);
    lastRid = row.rid;
    if (batch.length === 5000) {
      insertBatch(batch);
      batch = [];
    }
  }
  insertBatch(batch);

  if (settings.specimens) {
    db.transaction(() => {
      for (const [i, specimen] of buildSpecimens(now, world).entries()) {
        const w = specimen.wire;
        const str = (key: string) => (typeof w[key] === 'string' ? (w[key] as string) : null);
        const rid = lastRid + 1 + i;
        insert.run(
          rid,
          specimen.id,
          specimen.createdMs,
          null,
          str('accountId'),
          str('accountName'),
          str('customerId'),
          str('customerName'),
          str('endpointId'),
          str('endpointName'),
          str('answeredById'),
          str('answeredByName'),
          str('fromAddress'),
          str('fromName'),
          str('toAddress'),
          str('channel'),
          str('direction'),
          str('outcome'),
          w.wasMissed === true ? 1 : 0,
          str('parentSessionId'),
          0,
          null,
          null,
          JSON.stringify(w),
        );
        const log = Array.isArray(w.log) ? (w.log as { message?: unknown }[]) : [];
        insertLog.run(
          rid,
          log.map((line) => (typeof line.message === 'string' ? line.message : '')).join('\n'),
        );
      }
    })();
  }
  db.exec(INDEXES);
}

function writeMeta(db: Db, meta: BuildMeta): void {
  const put = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
  for (const [key, value] of Object.entries(meta)) put.run(key, String(value));
}

/** Deletes side files of builds whose process is gone (killed mid-build); running builds stay. */
function removeAbandonedBuilds(dbPath: string): void {
  const prefix = `${path.basename(dbPath)}.building-`;
  for (const name of fs.readdirSync(path.dirname(dbPath))) {
    const pid = Number(/^(\d+)/.exec(name.slice(prefix.length))?.[1]);
    if (!name.startsWith(prefix) || !Number.isInteger(pid) || isRunning(pid)) continue;
    fs.rmSync(path.join(path.dirname(dbPath), name), { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function removeDbFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}

export interface OpenedDatabase {
  db: Db;
  meta: BuildMeta;
  /** Why it was rebuilt, or undefined when an existing file was reused. */
  rebuilt: string | undefined;
}

/** Opens the database at `dbPath`, building it first when it is missing or stale. */
export function openDatabase(
  dbPath: string,
  settings: DataSettings,
  now: number,
  world: World,
): OpenedDatabase {
  const started = performance.now();
  const finish = (db: Db, reason: string): OpenedDatabase => {
    const meta: BuildMeta = {
      ...settings,
      schemaVersion: SCHEMA_VERSION,
      builtFor: now,
      buildSeconds: Math.round((performance.now() - started) / 10) / 100,
    };
    writeMeta(db, meta);
    return { db, meta, rebuilt: reason };
  };

  if (dbPath === ':memory:') {
    const db = new Database(':memory:');
    fillDatabase(db, settings, now, world);
    return finish(db, 'in-memory database');
  }

  let reason = 'no database yet';
  if (fs.existsSync(dbPath)) {
    reason = 'unreadable database file';
    let existing: Db | undefined;
    try {
      existing = new Database(dbPath, { fileMustExist: true });
      const meta = readMeta(existing);
      const why = rebuildReason(meta, settings, now);
      if (meta && !why) {
        configureForReads(existing);
        return { db: existing, meta, rebuilt: undefined };
      }
      reason = why ?? reason;
    } catch {
      // A corrupt or foreign file: rebuild it.
    }
    existing?.close();
  }

  // Build into a side file and rename, so an interrupted build never leaves a half-filled database.
  fs.mkdirSync(path.dirname(dbPath), { recursive: true });
  removeAbandonedBuilds(dbPath);
  const building = `${dbPath}.building-${process.pid}`;
  removeDbFiles(building);
  const db = new Database(building);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -65536');
  fillDatabase(db, settings, now, world);
  const opened = finish(db, reason);
  db.close();
  removeDbFiles(dbPath);
  fs.renameSync(building, dbPath);
  const reopened = new Database(dbPath, { fileMustExist: true });
  configureForReads(reopened);
  return { ...opened, db: reopened };
}

function configureForReads(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('cache_size = -32768');
  db.pragma('temp_store = MEMORY');
}
