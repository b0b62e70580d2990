// Answers a parsed ListSessions request from the database. SQL is assembled only from fixed
// fragments; every value a client sends travels as a bound parameter.
import type { Statement } from 'better-sqlite3';
import type { SortField, WireSessionInfo } from '../../src/sessions/api/session-types';
import { ROW_COLUMNS, type Db, type StoredRow } from './database';
import { FieldError } from './errors';
import { DAY_MS } from './generate-sessions';
import { MAX_ALL, MAX_ALL_BYTES, type ListRequest } from './parse-list-request';
import { expandSession, LIVE_ANSWERED_FROM_SECOND, LIVE_CYCLE_SECONDS } from './session-detail';
import type { World } from './world';

/** Sessions created more than this long before the clock live only in the archive. */
export const ARCHIVE_AFTER_MS = 15 * DAY_MS;

const SORT_COLUMNS: Record<SortField, string> = {
  dateCreated: 'date_created',
  dateCompleted: 'date_completed',
  fromAddress: 'from_address COLLATE NOCASE',
  toAddress: 'to_address COLLATE NOCASE',
  accountName: 'account_name COLLATE NOCASE',
  customerName: 'customer_name COLLATE NOCASE',
  endpointName: 'endpoint_name COLLATE NOCASE',
  answeredByName: 'answered_by_name COLLATE NOCASE',
  channel: 'channel COLLATE NOCASE',
  direction: 'direction COLLATE NOCASE',
  outcome: 'outcome COLLATE NOCASE',
  wasMissed: 'was_missed',
};

export interface ListContext {
  db: Db;
  world: World;
  seed: number;
  now: number;
  /** SANDBOX_IN_BOTH_STORES: the live store also answers this many of the newest archived sessions. */
  inBothStores?: number;
}

/** The oldest session the live store still answers, when some archived ones are in transit. */
interface Seam {
  ms: number;
  id: string;
}

/** Archive windows longer than this use the trigram index for from/to; shorter ones scan by date. */
const FTS_AFTER_SPAN_MS = 31 * DAY_MS;

/** Length of the archive window a request covers (the archive has no lower bound but the data). */
function archiveSpan(req: ListRequest, now: number): number {
  const upper = Math.min(req.endMs ?? Infinity, now - ARCHIVE_AFTER_MS);
  return upper - (req.startMs ?? -Infinity);
}

function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The store of a session follows from its date and the clock of the request: it leaves live for the
 * archive at the instant it is more than ARCHIVE_AFTER_MS old. `seam` (SANDBOX_IN_BOTH_STORES) moves
 * live's lower end back over the newest archived sessions, which then answer from both stores;
 * `null` when the archive holds fewer than that, so live answers all of it.
 */
function whereClause(
  req: ListRequest,
  now: number,
  seam: Seam | null | undefined,
): { sql: string; params: unknown[]; from: string } {
  const where: string[] = [];
  const params: unknown[] = [];
  // One lower and one upper bound, so the date index range is exactly the window searched. Nothing
  // created after the clock is answered: arrivals (arrivals.ts) are written ahead of it.
  const cutoff = now - ARCHIVE_AFTER_MS;
  const liveFrom = seam === undefined ? cutoff : seam === null ? -Infinity : seam.ms;
  const lower = req.searchArchive ? req.startMs : Math.max(req.startMs ?? -Infinity, liveFrom);
  const upper = Math.min(req.endMs ?? Infinity, req.searchArchive ? cutoff : now + 1);
  if (lower !== undefined && lower !== -Infinity) {
    where.push('s.date_created >= ?');
    params.push(lower);
  }
  where.push('s.date_created < ?');
  params.push(upper);
  if (!req.searchArchive && seam) {
    where.push('(s.date_created, s.id) >= (?, ?)');
    params.push(seam.ms, seam.id);
  }
  const inList = (column: string, ids: string[]) => {
    if (ids.length === 0) return;
    // json_each keeps one bound parameter however many ids arrive.
    where.push(`${column} IN (SELECT value FROM json_each(?))`);
    params.push(JSON.stringify(ids));
  };
  inList('s.account_id', req.accountIds);
  inList('s.customer_id', req.customerIds);
  inList('s.endpoint_id', req.endpointIds);
  inList('s.id', req.specificIds);
  if (req.parentSessionId !== undefined) {
    where.push('s.parent_id = ?');
    params.push(req.parentSessionId);
  }
  // SQLite cuts strings at a NUL, so '%\0%' would match everything; no stored text holds one.
  if ([req.from, req.to, req.log].some((text) => text?.includes('\0'))) where.push('0 = 1');
  const wide = req.searchArchive && archiveSpan(req, now) > FTS_AFTER_SPAN_MS;
  let usesTrigrams = false;
  for (const [column, text] of [
    ['from_address', req.from],
    ['to_address', req.to],
  ] as const) {
    if (text === undefined) continue;
    // Trigrams need three characters; shorter searches and date-bounded ones scan instead.
    if (wide && [...text].length >= 3) {
      where.push(`s.rid IN (SELECT rowid FROM address_fts WHERE ${column} MATCH ?)`);
      usesTrigrams = true;
      params.push(`"${text.replace(/"/g, '""')}"`);
    } else {
      where.push(`s.${column} LIKE ? ESCAPE '\\'`);
      params.push(likeContains(text));
    }
  }
  if (req.log !== undefined) {
    where.push("EXISTS (SELECT 1 FROM session_logs l WHERE l.rid = s.rid AND l.text LIKE ? ESCAPE '\\')");
    params.push(likeContains(req.log));
  }
  // With only the date window to go by, the planner sometimes skip-scans the customer index (its
  // statistics show few customers), which is 5x slower than walking the date index: pin it.
  const byDateOnly =
    !usesTrigrams &&
    req.parentSessionId === undefined &&
    [req.accountIds, req.customerIds, req.endpointIds, req.specificIds].every((ids) => ids.length === 0);
  return {
    sql: where.join(' AND '),
    params,
    from: byDateOnly ? 'sessions s INDEXED BY sessions_date' : 'sessions s',
  };
}

export function createSessionLister(db: Db) {
  const statements = new Map<string, Statement<unknown[]>>();
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare<unknown[]>(sql);
      statements.set(sql, statement);
    }
    return statement;
  };

  const findSeam = (now: number, inBoth: number): Seam | null => {
    const row = prepare(
      `SELECT date_created AS ms, id FROM sessions INDEXED BY sessions_date WHERE date_created < ?
       ORDER BY date_created DESC, id DESC LIMIT 1 OFFSET ?`,
    ).get(now - ARCHIVE_AFTER_MS, inBoth - 1) as Seam | undefined;
    return row ?? null;
  };

  /** The answer as JSON text: built item by item, so `all` can stop at its byte limit without holding more. */
  return function listSessions(req: ListRequest, ctx: Omit<ListContext, 'db'>): string {
    const inBoth = ctx.inBothStores ?? 0;
    const seam = !req.searchArchive && inBoth > 0 ? findSeam(ctx.now, inBoth) : undefined;
    const { sql: where, params, from } = whereClause(req, ctx.now, seam);
    const dir = req.sortOrder === 'Ascend' ? 'ASC' : 'DESC';
    // Live calls show who answered only once their cycle reaches Connected: sort on what is shown.
    const sortKey =
      req.sortField === 'answeredByName'
        ? `CASE WHEN s.live = 1 AND (((? - s.date_created) / 1000) % ${LIVE_CYCLE_SECONDS} + ${LIVE_CYCLE_SECONDS}) % ${LIVE_CYCLE_SECONDS} < ${LIVE_ANSWERED_FROM_SECOND} THEN NULL ELSE s.answered_by_name END COLLATE NOCASE`
        : `s.${SORT_COLUMNS[req.sortField]}`;
    const orderBy = `ORDER BY ${sortKey} ${dir}, s.id ${dir}`;
    const selectParams = req.sortField === 'answeredByName' ? [...params, ctx.now] : params;
    const select = `SELECT ${ROW_COLUMNS.replace(/(^|,\s*)(\w+)/g, '$1s.$2')} FROM ${from} WHERE ${where} ${orderBy}`;
    const count = () =>
      (prepare(`SELECT count(*) AS n FROM ${from} WHERE ${where}`).get(...params) as { n: number }).n;
    const itemJson = (row: StoredRow) => JSON.stringify(toWireSession(row, ctx));
    const answer = (items: string[], rest: Record<string, unknown>) =>
      `{"items":[${items.join(',')}],${JSON.stringify(rest).slice(1)}`;

    if (req.all) {
      const total = count();
      if (total > MAX_ALL) {
        throw new FieldError(
          'All',
          'TooManyResults',
          `All returns at most ${MAX_ALL} sessions and ${total} match; page through them with Page and CountPerPage instead`,
        );
      }
      const items: string[] = [];
      let bytes = 0;
      for (const row of prepare(select).iterate(...selectParams) as IterableIterator<StoredRow>) {
        const item = itemJson(row);
        bytes += Buffer.byteLength(item);
        if (bytes > MAX_ALL_BYTES) {
          throw new FieldError(
            'All',
            'TooLarge',
            `All returns at most ${MAX_ALL_BYTES / (1024 * 1024)} MB of sessions and these ${total} are more; page through them with Page and CountPerPage instead`,
          );
        }
        items.push(item);
      }
      return req.simplifiedPaging
        ? answer(items, { hasMorePages: false })
        : answer(items, { totalCount: total, totalPages: total === 0 ? 0 : 1, hasMorePages: false });
    }

    const offset = req.page * req.countPerPage;
    if (req.simplifiedPaging) {
      const rows = prepare(`${select} LIMIT ? OFFSET ?`).all(
        ...selectParams,
        req.countPerPage + 1,
        offset,
      ) as StoredRow[];
      return answer(rows.slice(0, req.countPerPage).map(itemJson), {
        hasMorePages: rows.length > req.countPerPage,
      });
    }
    const total = count();
    const rows =
      offset >= total
        ? []
        : (prepare(`${select} LIMIT ? OFFSET ?`).all(
            ...selectParams,
            req.countPerPage,
            offset,
          ) as StoredRow[]);
    return answer(rows.map(itemJson), {
      totalCount: total,
      totalPages: Math.ceil(total / req.countPerPage),
      hasMorePages: offset + req.countPerPage < total,
    });
  };
}

function toWireSession(row: StoredRow, ctx: Omit<ListContext, 'db'>): WireSessionInfo {
  if (row.raw !== null) return JSON.parse(row.raw) as WireSessionInfo;
  return expandSession(row, ctx.world, ctx.seed, ctx.now);
}
