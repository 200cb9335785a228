import type { Pool, PoolClient } from 'pg';
import { RetryBackoff } from '../../shared/retry-backoff.js';
import type { GlobalCheckpoint, ReadAllResult, SubscribeOptions, Subscription } from '../event-store.js';

/** The channel appenders NOTIFY after a commit. */
export const APPENDED_CHANNEL = 'events_appended';

/** The longest wait between two attempts while reading fails (the poll interval when that is longer). */
const MAX_RETRY_MS = 5000;

/**
 * Follows all events in commit-safe order. LISTEN/NOTIFY only wakes the reader early; the poll interval
 * is the fallback, and the one that catches transactions committed out of order. When the database goes
 * away it retries with backoff from the last checkpoint delivered, and listens again on a new connection.
 */
export class PostgresSubscription implements Subscription {
  private running = true;
  private wake: (() => void) | undefined;
  private listener: PoolClient | undefined;
  private readonly retries: RetryBackoff;
  private readonly done: Promise<void>;

  private constructor(
    private readonly pool: Pool,
    private readonly read: (from: GlobalCheckpoint, maxCount: number) => Promise<ReadAllResult>,
    private readonly options: SubscribeOptions,
  ) {
    const pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.retries = new RetryBackoff(Math.min(100, pollIntervalMs), Math.max(pollIntervalMs, MAX_RETRY_MS));
    this.done = this.loop();
  }

  static start(pool: Pool, read: (from: GlobalCheckpoint, maxCount: number) => Promise<ReadAllResult>, options: SubscribeOptions): PostgresSubscription {
    return new PostgresSubscription(pool, read, options);
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.done;
  }

  private async loop(): Promise<void> {
    let checkpoint = this.options.from;
    const batchSize = this.options.batchSize ?? 500;
    while (this.running) {
      let waitMs = this.options.pollIntervalMs ?? 1000;
      try {
        await this.listen();
        const batch = await this.read(checkpoint, batchSize);
        this.retries.succeeded();
        if (batch.events.length > 0) {
          await this.options.onEvents(batch.events, batch.checkpoint);
          checkpoint = batch.checkpoint;
          if (batch.events.length === batchSize) continue;
        }
      } catch (error) {
        const failure = this.retries.failed();
        if (failure.first) this.options.onError?.(error);
        waitMs = failure.waitMs;
      }
      await this.sleep(waitMs);
    }
    this.dropListener(this.listener);
  }

  /** LISTENs on a connection of its own, unless it already does; again after that connection was lost. */
  private async listen(): Promise<void> {
    if (this.listener) return;
    const listener = await this.pool.connect();
    this.listener = listener;
    listener.on('notification', () => this.wake?.());
    listener.on('error', () => {
      this.dropListener(listener);
      // Wake-ups may have been missed meanwhile: read now.
      this.wake?.();
    });
    try {
      await listener.query(`LISTEN ${APPENDED_CHANNEL}`);
    } catch (error) {
      this.dropListener(listener);
      throw error;
    }
  }

  /** Closes the connection rather than UNLISTEN on it, which could wait forever on a network that is gone. */
  private dropListener(listener: PoolClient | undefined): void {
    if (!listener || this.listener !== listener) return;
    this.listener = undefined;
    listener.release(true);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
