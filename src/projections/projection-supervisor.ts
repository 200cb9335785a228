import { Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { PendingRebuild, PendingWork } from '../platform/health/readiness.js';
import { isProcessManager, type ProcessManager } from './process-manager.js';
import type { Projection } from './projection.js';
import { ProjectionDependencies, ProjectionRunnersEnabled } from './projection-dependencies.js';
import { ProjectionRunner } from './projection-runner.js';
import { ReadModels } from './read-models.js';
import { PROJECTIONS } from './registry.js';

/**
 * Starts a runner per projection and per process manager with the service (not with a command-line
 * process, which runs the ones it needs) and stops them before it shuts down. Process managers register
 * themselves while the modules initialize. Nest calls every `beforeApplicationShutdown` before any
 * `onApplicationShutdown`, where the database closes.
 */
@Injectable()
export class ProjectionSupervisor implements OnApplicationBootstrap, BeforeApplicationShutdown, PendingWork {
  private readonly all: ProjectionRunner[];

  constructor(
    private readonly deps: ProjectionDependencies,
    private readonly readModels: ReadModels,
    private readonly runnersEnabled: ProjectionRunnersEnabled,
  ) {
    this.all = PROJECTIONS.map((projection: Projection) => new ProjectionRunner(projection, deps));
  }

  /** The projections' runners, then the process managers'. */
  get runners(): readonly ProjectionRunner[] {
    return this.all;
  }

  get processManagers(): readonly ProcessManager[] {
    return this.all.flatMap((runner) => (isProcessManager(runner.consumer) ? [runner.consumer] : []));
  }

  register(manager: ProcessManager): void {
    if (this.all.some((runner) => runner.consumer.name === manager.name)) throw new Error(`A consumer named ${manager.name} is registered already`);
    this.all.push(new ProjectionRunner(manager, this.deps));
  }

  onApplicationBootstrap(): void {
    if (!this.runnersEnabled.enabled) return;
    for (const runner of this.all) runner.start();
  }

  /** The read models whose version changed and that this service, without the owner's rights, waits for the `rebuild` job to build. */
  pending(): PendingRebuild[] {
    return this.runners
      .filter((runner) => runner.status === 'needs-rebuild')
      .map((runner) => ({ projection: runner.consumer.name, version: runner.consumer.version }));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.all.map((runner) => runner.stop()));
    await this.readModels.close();
  }
}
