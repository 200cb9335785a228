import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Request } from 'express';
import { Database } from '../database/database.js';
import { EventStore } from '../event-store/event-store.js';
import { Clock, IdGenerator } from '../shared/clock.js';
import { ExpectedVersionConflictError } from '../shared/stream-errors.js';

export interface AccessDenial {
  /** The account the token names; null without a valid token. */
  readonly actor: string | null;
  /** The client's address, kept for a caller without a valid token only. */
  readonly address: string | null;
  readonly method: string;
  /** The route pattern, not the URL: the ids asked for are not repeated into the trail. */
  readonly route: string;
  /** 404: a record that exists but lies outside the caller's scope, or is confidential to others. */
  readonly status: 401 | 403 | 404;
  readonly code: string;
}

/** The route pattern a request matched, such as `/api/v1/inspections/:id/close`. */
export function routePattern(request: Request): string {
  return `${request.baseUrl}${(request.route as { path?: string } | undefined)?.path ?? ''}`;
}

interface CountRow {
  readonly minute: Date;
  readonly actor: string;
  readonly address: string;
  readonly method: string;
  readonly route: string;
  readonly status: number;
  readonly code: string;
  readonly count: number;
}

const MINUTE_MS = 60_000;
/** How often each instance writes the counts of the minutes that have ended. */
const FLUSH_INTERVAL_MS = 20_000;
/** A claimed batch still there after this long was left by an instance that stopped while writing it. */
const STALE_BATCH_MS = 5 * MINUTE_MS;

/**
 * Every refused access is counted at once in `access_denial_counts`, per caller (the account, or the
 * address without a valid token) × method × route pattern × status × minute. Once a minute has ended, a
 * batch claims its rows and writes one `AccessDenied` event per row with its count, then deletes them: the
 * permanent store grows by rows of callers × routes per minute, however many requests are refused. Each
 * caller's events of a batch form a stream of their own, appended only if it does not exist yet, so a batch
 * that an instance left half-written is completed by another without writing any count twice.
 */
@Injectable()
export class AccessDenials implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('AccessDenials');
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly database: Database,
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      const now = this.clock.now().getTime();
      this.flushing = this.flushing
        .then(() => this.flush(new Date(now - (now % MINUTE_MS))))
        .catch((error: unknown) => {
          this.logger.error(`could not write the access denials counted: ${String(error)}`);
        });
    }, FLUSH_INTERVAL_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.flushing;
  }

  async record(denial: AccessDenial): Promise<void> {
    const now = this.clock.now().getTime();
    try {
      await this.database.pool.query(
        `INSERT INTO access_denial_counts (minute, actor, address, method, route, status, code, count) VALUES ($1, $2, $3, $4, $5, $6, $7, 1)
         ON CONFLICT (minute, actor, address, method, route, status, code) WHERE batch IS NULL
         DO UPDATE SET count = access_denial_counts.count + 1`,
        [
          new Date(now - (now % MINUTE_MS)),
          denial.actor ?? '',
          denial.actor === null ? (denial.address ?? '') : '',
          denial.method,
          denial.route,
          denial.status,
          denial.code,
        ],
      );
    } catch (error) {
      // The refusal stands either way; a lost count is logged rather than turned into a 500.
      this.logger.error(`could not count an access denial: ${String(error)}`);
    }
  }

  /** Writes the counts of every minute that started before `before`, and completes any batch left half-written; the events written. */
  async flush(before: Date): Promise<number> {
    let written = 0;
    const stale = await this.database.pool.query<{ batch: string }>(
      'SELECT DISTINCT batch FROM access_denial_counts WHERE batch IS NOT NULL AND claimed_at < $1',
      [new Date(this.clock.now().getTime() - STALE_BATCH_MS)],
    );
    for (const { batch } of stale.rows) {
      const { rows } = await this.database.pool.query<CountRow>('SELECT * FROM access_denial_counts WHERE batch = $1', [batch]);
      written += await this.write(batch, rows);
    }
    const batch = this.ids.next();
    const { rows } = await this.database.pool.query<CountRow>(
      'UPDATE access_denial_counts SET batch = $1, claimed_at = $2 WHERE batch IS NULL AND minute < $3 RETURNING *',
      [batch, this.clock.now(), before],
    );
    if (rows.length > 0) written += await this.write(batch, rows);
    return written;
  }

  private async write(batch: string, rows: readonly CountRow[]): Promise<number> {
    const callers = [...new Set(rows.map(caller))].sort();
    let written = 0;
    for (const [index, key] of callers.entries()) {
      const own = rows.filter((row) => caller(row) === key).sort((a, b) => a.minute.getTime() - b.minute.getTime() || a.route.localeCompare(b.route));
      try {
        await this.store.append({
          streamId: `access-denials-${batch}-${index + 1}`,
          streamType: 'access-denials',
          expectedVersion: 'no-stream',
          events: own.map((row) => ({ type: 'AccessDenied', data: eventData(row), occurredAt: row.minute })),
          metadata: { actor: own[0]!.actor || 'anonymous', correlationId: batch },
        });
        written += own.length;
      } catch (error) {
        // Written already, by an instance that stopped before deleting the batch.
        if (!(error instanceof ExpectedVersionConflictError)) throw error;
      }
    }
    await this.database.pool.query('DELETE FROM access_denial_counts WHERE batch = $1', [batch]);
    return written;
  }
}

function caller(row: CountRow): string {
  return row.actor ? `actor:${row.actor}` : `address:${row.address}`;
}

function eventData(row: CountRow): Record<string, unknown> {
  return {
    actor: row.actor || null,
    ...(row.actor ? {} : { address: row.address }),
    method: row.method,
    route: row.route,
    status: row.status,
    code: row.code,
    count: row.count,
    minute: row.minute.toISOString(),
  };
}
