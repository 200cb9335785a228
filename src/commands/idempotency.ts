import { createHash } from 'node:crypto';
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import canonicalize from 'canonicalize';
import type { Request, Response } from 'express';
import { catchError, from, map, mergeMap, of, type Observable } from 'rxjs';
import { Database } from '../database/database.js';
import { AppConfig } from '../platform/config/app-config.js';
import type { OrganizationGrant } from '../shared/request-context.js';
import { Clock } from '../shared/clock.js';
import { requestContext } from '../shared/request-context.js';
import { PROBLEM_CONTENT_TYPE, ProblemError, RequestValidationError } from '../platform/http/problem.js';
import { problemAnswer } from '../platform/http/problem-details.filter.js';

const KEY_FORMAT = /^[\x21-\x7e]{1,200}$/;
/** A first request that has not finished by then is taken for dead, and the key may be used again. */
const ABANDONED_AFTER_SECONDS = 120;
/** Expired keys are deleted at most this often, by whichever request comes first. */
const PRUNE_EVERY_MS = 60_000;
/** Headers of the first answer that a replay repeats. */
const REPLAYED_HEADERS = ['etag', 'location'];

/**
 * A request that carries a password is not kept: its fingerprint, a fast hash of the body, would let the
 * password be guessed offline. It runs as if sent without a key.
 */
function carriesPassword(body: unknown): boolean {
  return typeof body === 'object' && body !== null && Object.keys(body).some((field) => /password/i.test(field));
}

function keyReused(key: string): ProblemError {
  return new ProblemError(422, 'idempotency-key-reused', { idempotencyKey: key });
}

function requestInFlight(key: string): ProblemError {
  return new ProblemError(409, 'idempotency-request-in-flight', { idempotencyKey: key });
}

function grantsChanged(key: string): ProblemError {
  return new ProblemError(403, 'forbidden', { reason: 'grants-changed', idempotencyKey: key });
}

interface StoredAnswer {
  fingerprint: string;
  grants: OrganizationGrant[] | null;
  status: number | null;
  headers: Record<string, string> | null;
  body: unknown;
}

/**
 * `Idempotency-Key` on a command: the first request runs, and its answer is kept for IDEMPOTENCY_TTL_HOURS;
 * the same key with the same request gets that answer again (while the caller still holds every grant it was
 * answered under), another request 422, and a retry while the first is running 409.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private lastPruned = 0;

  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const key = request.header('idempotency-key');
    if (key === undefined || request.method !== 'POST' || carriesPassword(request.body)) return next.handle();
    if (!KEY_FORMAT.test(key)) {
      throw new RequestValidationError([{ field: 'Idempotency-Key', rule: 'format' }]);
    }
    const actor = requestContext.current()?.actor ?? 'anonymous';
    const fingerprint = createHash('sha256')
      .update(`${request.method} ${request.originalUrl}\n${canonicalize(request.body ?? null) ?? ''}`)
      .digest('hex');
    const response = http.getResponse<Response>();
    return from(this.claim(actor, key, fingerprint)).pipe(
      mergeMap((stored) => {
        if (stored) return of(this.replay(response, stored));
        return next.handle().pipe(
          mergeMap((body) => from(this.keep(actor, key, response.statusCode, response, body)).pipe(map(() => body))),
          catchError((error: unknown) => {
            const problem = problemAnswer(error, request);
            const settle = problem.status < 500 ? this.keep(actor, key, problem.status, response, problem) : this.release(actor, key);
            return from(settle).pipe(mergeMap(() => Promise.reject(error)));
          }),
        );
      }),
    );
  }

  /** Takes the key for this request (an expired one is taken afresh), or returns what an earlier request with it answered. */
  private async claim(actor: string, key: string, fingerprint: string): Promise<StoredAnswer | undefined> {
    const now = this.clock.now();
    const expired = new Date(now.getTime() - this.config.idempotencyTtlHours * 3_600_000);
    await this.prune(now, expired);
    const grants = requestContext.current()?.grants ?? [];
    const claimed = await this.database.pool.query(
      `INSERT INTO idempotency_keys (actor, idempotency_key, fingerprint, started_at, grants) VALUES ($1, $2, $3, $4, $7)
       ON CONFLICT (actor, idempotency_key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, started_at = EXCLUDED.started_at,
           grants = EXCLUDED.grants, status = NULL, headers = NULL, body = NULL
         WHERE (idempotency_keys.status IS NULL AND idempotency_keys.started_at < $5) OR idempotency_keys.started_at < $6
       RETURNING actor`,
      [actor, key, fingerprint, now, new Date(now.getTime() - ABANDONED_AFTER_SECONDS * 1000), expired, JSON.stringify(grants)],
    );
    if (claimed.rowCount === 1) return undefined;
    const { rows } = await this.database.pool.query<StoredAnswer>(
      'SELECT fingerprint, grants, status, headers, body FROM idempotency_keys WHERE actor = $1 AND idempotency_key = $2',
      [actor, key],
    );
    const stored = rows[0];
    if (!stored) return this.claim(actor, key, fingerprint);
    if (stored.fingerprint !== fingerprint) throw keyReused(key);
    if (stored.status === null) throw requestInFlight(key);
    const held = (grant: OrganizationGrant) => grants.some((current) => current.role === grant.role && current.organizationId === grant.organizationId);
    if (!(stored.grants ?? []).every(held)) throw grantsChanged(key);
    return stored;
  }

  private async prune(now: Date, expired: Date): Promise<void> {
    if (now.getTime() - this.lastPruned < PRUNE_EVERY_MS) return;
    this.lastPruned = now.getTime();
    await this.database.pool.query('DELETE FROM idempotency_keys WHERE started_at < $1', [expired]);
  }

  private replay(response: Response, stored: StoredAnswer): unknown {
    response.status(stored.status ?? 200);
    for (const [name, value] of Object.entries(stored.headers ?? {})) response.setHeader(name, value);
    response.setHeader('Idempotent-Replayed', 'true');
    return stored.body;
  }

  private async keep(actor: string, key: string, status: number, response: Response, body: unknown): Promise<void> {
    const headers = Object.fromEntries(
      REPLAYED_HEADERS.map((name) => [name, response.getHeader(name)]).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
    if ((body as { status?: number } | null)?.status === status && status >= 400) headers['content-type'] = PROBLEM_CONTENT_TYPE;
    await this.database.pool.query('UPDATE idempotency_keys SET status = $3, headers = $4, body = $5 WHERE actor = $1 AND idempotency_key = $2', [
      actor,
      key,
      status,
      headers,
      JSON.stringify(body ?? null),
    ]);
  }

  private async release(actor: string, key: string): Promise<void> {
    await this.database.pool.query('DELETE FROM idempotency_keys WHERE actor = $1 AND idempotency_key = $2', [actor, key]);
  }
}
