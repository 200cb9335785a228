import type pg from 'pg';
import { openClient } from '../database/connections.js';
import type { DatabaseTimeouts } from '../platform/config/app-config.js';

/** Key spaces of the two-integer advisory locks (the second integer is a hash of the projection's name). */
export const LOCK_SPACE = { runner: 7_241_906, rebuild: 7_241_907 } as const;

/**
 * A session-level advisory lock held on a connection of its own, so that it lives exactly as long as
 * that session: a crashed holder's lock is released by the server when its connection drops.
 *
 * On the embedded PGlite every socket connection shares one backend session, so these locks are
 * re-entrant there: they exclude nothing. That is sound only because one process at a time may open an
 * embedded data folder (see data-dir-lock), so there is only one instance to exclude.
 */
export class AdvisoryLock {
  private client: pg.Client | undefined;
  private held = false;

  constructor(
    private readonly url: string,
    private readonly space: number,
    private readonly key: string,
    /** Called when the connection that holds the lock is lost: the holder must stop at once. */
    private readonly onLost: (error: Error) => void = () => undefined,
    private readonly timeouts?: DatabaseTimeouts,
  ) {}

  get isHeld(): boolean {
    return this.held;
  }

  /** The connection the lock lives on, for LISTEN; undefined while it is not held. */
  get connection(): pg.Client | undefined {
    return this.held ? this.client : undefined;
  }

  async tryAcquire(): Promise<boolean> {
    if (this.held) return true;
    const client = this.client ?? (await this.connect());
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked', [this.space, this.key]);
    this.held = rows[0]?.locked === true;
    return this.held;
  }

  async release(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    const wasHeld = this.held;
    this.held = false;
    if (!client) return;
    try {
      if (wasHeld) await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [this.space, this.key]);
    } catch {
      // closing the session below releases it anyway
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  private async connect(): Promise<pg.Client> {
    const client = openClient(this.url, {
      timeouts: this.timeouts,
      onError: (error) => {
        if (this.client !== client) return;
        const wasHeld = this.held;
        this.held = false;
        this.client = undefined;
        if (wasHeld) this.onLost(error);
      },
    });
    await client.connect();
    this.client = client;
    return client;
  }
}
