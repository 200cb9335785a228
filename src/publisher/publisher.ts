import { loadCheckpoint } from '../projections/checkpoints.js';
import { ProjectionRunner, type RunnerDependencies, type RunnerOptions } from '../projections/projection-runner.js';
import type { Projection } from '../projections/projection.js';
import { checkpointLag, runnerReport, type RunnerReport } from '../projections/projection-status.js';
import { preparePublisherCheckpoint, publisherConsumer } from './publisher-consumer.js';
import type { PublisherMetrics } from './publisher-metrics.js';
import type { PublicEventTarget } from './public-event-target.js';

export interface TargetReport extends RunnerReport {
  readonly name: string;
  readonly lagSeconds: number;
}

/** One runner per target, each with its own checkpoint: a target that is down holds back only itself. */
export class Publisher {
  private readonly runners: readonly ProjectionRunner[];
  private readonly consumers: readonly Projection[];

  constructor(
    private readonly targets: readonly PublicEventTarget[],
    private readonly deps: RunnerDependencies,
    private readonly metrics?: PublisherMetrics,
    options: RunnerOptions = {},
  ) {
    this.consumers = targets.map((target) => publisherConsumer(target, metrics));
    this.runners = this.consumers.map((consumer) => new ProjectionRunner(consumer, deps, { batchSize: 100, ...options }));
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

  /** Seconds since the oldest event the publisher to `target` has not passed yet was recorded; 0 at the head. */
  async lagSeconds(target: string): Promise<number> {
    const consumer = this.consumers[this.targets.findIndex((candidate) => candidate.name === target)];
    if (!consumer) throw new Error(`No target named ${target}`);
    const checkpoint = await loadCheckpoint(this.deps.dataSource.manager, consumer.name);
    if (!checkpoint) return 0;
    const [next] = (await this.deps.store.readAll(checkpoint, 1)).events;
    return next ? Math.max(0, (this.deps.clock.now().getTime() - next.recordedAt.getTime()) / 1000) : 0;
  }

  /** Each target's runner, where its checkpoint stands, and how long ago the oldest event it has not passed was recorded. */
  async report(): Promise<TargetReport[]> {
    return Promise.all(
      this.runners.map(async (runner, index) => {
        const name = this.targets[index]!.name;
        const position = await checkpointLag(this.deps.dataSource, runner.consumer.name);
        return { name, ...runnerReport(runner, position), lagSeconds: await this.lagSeconds(name) };
      }),
    );
  }

  private async prepare(): Promise<void> {
    for (const consumer of this.consumers) await preparePublisherCheckpoint(this.deps.dataSource, consumer, this.deps.clock.now());
    for (const target of this.targets) this.metrics?.lagOf(target.name, () => this.lagSeconds(target.name));
  }
}
