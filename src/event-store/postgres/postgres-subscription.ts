import type { Pool, PoolClient } from 'pg';
import type { GlobalCheckpoint, ReadAllResult, SubscribeOptions, Subscription } from '../event-store.js';

/** The channel appenders NOTIFY after a commit. */
export const APPENDED_CHANNEL = 'events_appended';

/**
 * Follows all events in commit-safe order. LISTEN/NOTIFY only wakes the reader early; the poll interval
 * is the fallback, and the one that catches transactions committed out of order.
 */
export class PostgresSubscription implements Subscription {
  private running = true;
  private wake: (() => void) | undefined;
  private listener: PoolClient | undefined;
  private readonly done: Promise<void>;

  private constructor(
    private readonly pool: Pool,
    private readonly read: (from: GlobalCheckpoint, maxCount: number) => Promise<ReadAllResult>,
    private readonly options: SubscribeOptions,
  ) {
    this.done = this.loop();
  }

  static start(
    pool: Pool,
    read: (from: GlobalCheckpoint, maxCount: number) => Promise<ReadAllResult>,
    options: SubscribeOptions,
  ): PostgresSubscription {
    return new PostgresSubscription(pool, read, options);
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.done;
  }

  private async loop(): Promise<void> {
    await this.listen();
    let checkpoint = this.options.from;
    const batchSize = this.options.batchSize ?? 500;
    while (this.running) {
      try {
        const batch = await this.read(checkpoint, batchSize);
        if (batch.events.length > 0) {
          await this.options.onEvents(batch.events, batch.checkpoint);
          checkpoint = batch.checkpoint;
          if (batch.events.length === batchSize) continue;
        }
      } catch (error) {
        this.options.onError?.(error);
      }
      await this.sleep(this.options.pollIntervalMs ?? 1000);
    }
    await this.unlisten();
  }

  private async listen(): Promise<void> {
    try {
      this.listener = await this.pool.connect();
      this.listener.on('notification', () => this.wake?.());
      await this.listener.query(`LISTEN ${APPENDED_CHANNEL}`);
    } catch (error) {
      // Polling alone still delivers every event.
      this.options.onError?.(error);
      this.listener?.release();
      this.listener = undefined;
    }
  }

  private async unlisten(): Promise<void> {
    if (!this.listener) return;
    try {
      await this.listener.query(`UNLISTEN ${APPENDED_CHANNEL}`);
    } finally {
      this.listener.release();
    }
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
