import { loadCheckpoint } from '../projections/checkpoints.js';
import { ProjectionRunner, type RunnerDependencies, type RunnerOptions } from '../projections/projection-runner.js';
import { preparePublisherCheckpoint, publisherConsumer } from './publisher-consumer.js';
import type { PublisherMetrics } from './publisher-metrics.js';
import type { PublicEventTarget } from './public-event-target.js';

/** One runner per target, each with its own checkpoint: a target that is down holds back only itself. */
export class Publisher {
  readonly runners: readonly ProjectionRunner[];

  constructor(
    private readonly targets: readonly PublicEventTarget[],
    private readonly deps: RunnerDependencies,
    private readonly metrics?: PublisherMetrics,
    options: RunnerOptions = {},
  ) {
    this.runners = targets.map((target) => new ProjectionRunner(publisherConsumer(target, metrics), deps, { batchSize: 100, ...options }));
  }

  async start(): Promise<void> {
    await this.prepare();
    for (const runner of this.runners) runner.start();
  }

  /** Publishes every event committed so far, then returns (tests, and a process that only catches up). */
  async runUntilCaughtUp(): Promise<void> {
    await this.prepare();
    await Promise.all(this.runners.map((runner) => runner.runUntilCaughtUp()));
  }

  async stop(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.stop()));
    await Promise.all(this.targets.map((target) => target.close()));
  }

  /** Seconds since the oldest event a runner has not passed yet was recorded; 0 at the head. */
  async lagSeconds(runner: ProjectionRunner): Promise<number> {
    const checkpoint = await loadCheckpoint(this.deps.dataSource.manager, runner.projection.name);
    if (!checkpoint) return 0;
    const [next] = (await this.deps.store.readAll(checkpoint, 1)).events;
    return next ? Math.max(0, (this.deps.clock.now().getTime() - next.recordedAt.getTime()) / 1000) : 0;
  }

  private async prepare(): Promise<void> {
    for (const [index, runner] of this.runners.entries()) {
      await preparePublisherCheckpoint(this.deps.dataSource, runner.projection, this.deps.clock.now());
      this.metrics?.lagOf(this.targets[index]!.name, () => this.lagSeconds(runner));
    }
  }
}
