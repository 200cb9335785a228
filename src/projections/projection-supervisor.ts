import { Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { PendingWork } from '../platform/health/readiness.js';
import type { Projection } from './projection.js';
import { ProjectionDependencies, ProjectionRunnersEnabled } from './projection-dependencies.js';
import { ProjectionRunner } from './projection-runner.js';
import { ReadModels } from './read-models.js';
import { PROJECTIONS } from './registry.js';

/**
 * Starts a runner per projection with the service (not with a command-line process, which runs the one it
 * needs) and stops them before it shuts down. Nest calls
 * every `beforeApplicationShutdown` before any `onApplicationShutdown`, where the database closes.
 */
@Injectable()
export class ProjectionSupervisor implements OnApplicationBootstrap, BeforeApplicationShutdown, PendingWork {
  readonly runners: readonly ProjectionRunner[];

  constructor(
    deps: ProjectionDependencies,
    private readonly readModels: ReadModels,
    private readonly runnersEnabled: ProjectionRunnersEnabled,
  ) {
    this.runners = PROJECTIONS.map((projection: Projection) => new ProjectionRunner(projection, deps));
  }

  onApplicationBootstrap(): void {
    if (!this.runnersEnabled.enabled) return;
    for (const runner of this.runners) runner.start();
  }

  /** The read models whose version changed and that this service, without the owner's rights, waits for the `rebuild` job to build. */
  pending(): string[] {
    return this.runners
      .filter((runner) => runner.status === 'needs-rebuild')
      .map((runner) => `projection ${runner.projection.name} needs a rebuild to version ${runner.projection.version} by the schema owner`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.stop()));
    await this.readModels.close();
  }
}
