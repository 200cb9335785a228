import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { isDatabaseUnavailable } from '../shared/database-unavailable.js';
import { compareCheckpoints } from '../event-store/checkpoint-cursor.js';
import type { EventStore, GlobalCheckpoint, RecordedEvent } from '../event-store/event-store.js';
import { APPENDED_CHANNEL } from '../event-store/postgres/postgres-subscription.js';
import type { DatabaseTimeouts } from '../platform/config/app-config.js';
import type { Clock } from '../shared/clock.js';
import { RetryBackoff } from '../shared/retry-backoff.js';
import { AdvisoryLock, LOCK_SPACE } from './advisory-lock.js';
import { applyBatch } from './apply-batch.js';
import { CheckpointMovedError, loadCheckpoint } from './checkpoints.js';
import { handleBatch, isProcessManager, prepareProcessCheckpoint, type ParkedEvent, type ProcessManager } from './process-manager.js';
import type { Projection } from './projection.js';
import { rebuildProjection } from './rebuild.js';

/** How often a run that only catches up looks again while the commit-safe order still holds events back. */
const CAUGHT_UP_POLL_MS = 100;

/**
 * `standby`: another instance runs this projection; `failing`: the last attempt threw and will be retried;
 * `needs-rebuild`: its version changed and this process may not rebuild it (the schema owner's `rebuild` job does).
 */
export const RUNNER_STATUSES = ['stopped', 'standby', 'needs-rebuild', 'rebuilding', 'catching-up', 'live', 'failing'] as const;
export type RunnerStatus = (typeof RUNNER_STATUSES)[number];

export interface RunnerOptions {
  readonly batchSize?: number;
  /** The fallback when no wake-up arrives; it also picks up transactions that committed out of order. */
  readonly pollIntervalMs?: number;
  /** How long to wait before trying again for the lock; the longest wait after failures, which back off up to it. */
  readonly retryMs?: number;
}

export interface RunnerDependencies {
  readonly dataSource: DataSource;
  readonly store: EventStore;
  readonly clock: Clock;
  /** The database URL, for the connection that holds the lock and listens for wake-ups. */
  readonly url: string;
  /** Whether this process's connection owns the schema and so rebuilds a read model whose version changed (the default); else it waits for the owner's job. */
  readonly rebuildsInPlace?: boolean;
  /** For the lock's connection; the defaults when unset. */
  readonly timeouts?: DatabaseTimeouts;
  /** Told of each event a process manager parks, after it is recorded (a metric). */
  readonly onParked?: (consumer: string, parked: ParkedEvent) => void;
}

/**
 * Keeps one projection up to date, or one process manager going: takes its advisory lock, rebuilds a
 * projection whose version changed, then follows all events from its checkpoint in batches (catch-up, then
 * live). When the database goes away, or a process manager's command fails, it retries with backoff,
 * logging the run of failures once, and resumes from the stored checkpoint.
 */
export class ProjectionRunner {
  private readonly logger: Logger;
  private readonly lock: AdvisoryLock;
  private readonly retries: RetryBackoff;
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private currentStatus: RunnerStatus = 'stopped';
  private lastError: string | undefined;

  constructor(
    readonly consumer: Projection | ProcessManager,
    private readonly deps: RunnerDependencies,
    private readonly options: RunnerOptions = {},
  ) {
    this.logger = new Logger(`${isProcessManager(consumer) ? 'Process manager' : 'Projection'} ${consumer.name}`);
    const retryMs = options.retryMs ?? 5000;
    this.retries = new RetryBackoff(Math.min(100, retryMs), retryMs);
    this.lock = new AdvisoryLock(deps.url, LOCK_SPACE.runner, consumer.name, (error) => this.lostLock(error), deps.timeouts);
  }

  get status(): RunnerStatus {
    return this.currentStatus;
  }

  get error(): string | undefined {
    return this.lastError;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.loop = undefined;
  }

  /** Applies every event committed so far, then returns (the CLI's catch-up and tests). */
  async runUntilCaughtUp(): Promise<void> {
    this.running = true;
    try {
      while (!(await this.lock.tryAcquire())) {
        this.currentStatus = 'standby';
        await this.sleep(this.options.retryMs ?? 1000);
      }
      if (!(await this.prepare())) throw new Error(`${this.consumer.name} needs a rebuild by the schema owner: run \`rebuild\` with its login`);
      await this.follow(true);
    } finally {
      this.running = false;
      this.currentStatus = 'stopped';
      await this.lock.release();
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        if (await this.lock.tryAcquire()) {
          if (await this.prepare()) await this.follow(false);
          else await this.sleep(this.options.retryMs ?? 5000);
        } else {
          this.currentStatus = 'standby';
          await this.sleep(this.options.retryMs ?? 5000);
        }
      } catch (error) {
        this.currentStatus = 'failing';
        this.lastError = error instanceof Error ? error.message : String(error);
        const failure = this.retries.failed();
        if (failure.first && isDatabaseUnavailable(error)) this.logger.warn(`The database is unavailable, retrying until it answers: ${this.lastError}`);
        else if (failure.first) this.logger.error(`Failed, retrying: ${this.lastError}`);
        await this.lock.release();
        await this.sleep(failure.waitMs);
      }
    }
    await this.lock.release();
    this.currentStatus = 'stopped';
  }

  /** The session holding the lock ended (the server ended it, or the network dropped): take the lock again. */
  private lostLock(error: Error): void {
    if (this.retries.failed().first) this.logger.warn(`Lost the connection holding the lock, taking it again: ${error.message}`);
    this.wake?.();
  }

  /** Ends a run of failures, saying so once. */
  private recovered(): void {
    const failures = this.retries.succeeded();
    if (failures > 0) this.logger.log(`Following events again after ${failures} failed attempt${failures === 1 ? '' : 's'}`);
  }

  /**
   * A projection never run here, or whose version changed, is rebuilt before it follows events, by a process
   * that owns the schema; any other reports that it needs the owner's rebuild, and is not ready to follow.
   * A process manager has no tables to rebuild: its checkpoint is made once.
   */
  private async prepare(): Promise<boolean> {
    const consumer = this.consumer;
    if (isProcessManager(consumer)) {
      await prepareProcessCheckpoint(this.deps.dataSource, consumer, this.deps.clock.now());
      return true;
    }
    const stored = await loadCheckpoint(this.deps.dataSource.manager, consumer.name);
    if (stored?.version === consumer.version) return true;
    const change = stored ? `Version ${stored.version} -> ${consumer.version}` : 'First run';
    if (this.deps.rebuildsInPlace === false) {
      if (this.currentStatus !== 'needs-rebuild') this.logger.warn(`${change}: waiting for a rebuild by the schema owner (the \`rebuild\` job)`);
      this.currentStatus = 'needs-rebuild';
      return false;
    }
    this.currentStatus = 'rebuilding';
    this.logger.log(`${change}: ${stored ? 'rebuilding' : 'building'}`);
    await rebuildProjection(consumer, { ...this.deps, ownerUrl: undefined }, { batchSize: this.options.batchSize });
    return true;
  }

  private async apply(from: GlobalCheckpoint, to: GlobalCheckpoint, events: readonly RecordedEvent[]): Promise<void> {
    const consumer = this.consumer;
    if (!isProcessManager(consumer)) return applyBatch(this.deps.dataSource, consumer, from, to, events, this.deps.clock.now());
    await handleBatch(
      this.deps.dataSource,
      consumer,
      from,
      to,
      events,
      () => this.deps.clock.now(),
      (parked) => this.parked(parked),
    );
  }

  /** A refusal by the domain does not stop the process manager: the event is parked, said and counted. */
  private parked(parked: ParkedEvent): void {
    const { event, code, message } = parked;
    this.logger.error(`Parked ${event.type} ${event.eventId} of ${event.streamId}: its follow-up was refused (${code}): ${message}`);
    this.deps.onParked?.(this.consumer.name, parked);
  }

  private async follow(untilCaughtUp: boolean): Promise<void> {
    const batchSize = this.options.batchSize ?? 500;
    let checkpoint = await this.storedCheckpoint();
    if (!checkpoint) return;
    // Caught up means past every event committed before the call: the commit-safe order may hold some back
    // while an older transaction runs anywhere on the server, so an empty read alone does not end the wait.
    const target = untilCaughtUp ? await this.deps.store.head() : null;
    await this.listen();
    try {
      while (this.running && this.lock.isHeld) {
        const batch = await this.deps.store.readAll(checkpoint, batchSize);
        if (batch.events.length === 0) {
          this.recovered();
          this.currentStatus = 'live';
          this.lastError = undefined;
          if (untilCaughtUp && (target === null || compareCheckpoints(checkpoint, target) >= 0)) return;
          await this.sleep(untilCaughtUp ? CAUGHT_UP_POLL_MS : (this.options.pollIntervalMs ?? 1000));
          continue;
        }
        this.currentStatus = batch.events.length === batchSize ? 'catching-up' : 'live';
        try {
          await this.apply(checkpoint, batch.checkpoint, batch.events);
          this.recovered();
          checkpoint = batch.checkpoint;
          this.lastError = undefined;
        } catch (error) {
          if (!(error instanceof CheckpointMovedError)) throw error;
          this.logger.warn('The checkpoint moved (a rebuild was swapped in, or another runner ran): continuing from the stored one');
          checkpoint = await this.storedCheckpoint();
          if (!checkpoint) return;
        }
      }
    } finally {
      await this.unlisten();
    }
  }

  /** The stored checkpoint when it is of this version; otherwise undefined, and the caller starts over. */
  private async storedCheckpoint(): Promise<GlobalCheckpoint | undefined> {
    const stored = await loadCheckpoint(this.deps.dataSource.manager, this.consumer.name);
    return stored?.version === this.consumer.version ? stored : undefined;
  }

  private readonly onNotification = () => this.wake?.();

  private async listen(): Promise<void> {
    const connection = this.lock.connection;
    if (!connection) return;
    connection.on('notification', this.onNotification);
    // Without wake-ups the poll still delivers every event.
    await connection.query(`LISTEN ${APPENDED_CHANNEL}`).catch(() => undefined);
  }

  private async unlisten(): Promise<void> {
    const connection = this.lock.connection;
    if (!connection) return;
    connection.off('notification', this.onNotification);
    await connection.query(`UNLISTEN ${APPENDED_CHANNEL}`).catch(() => undefined);
  }

  private sleep(ms: number): Promise<void> {
    if (!this.running) return Promise.resolve();
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
