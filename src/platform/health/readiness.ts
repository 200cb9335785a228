/** What the readiness probe asks of the service's dependencies; the database module provides it. */
export abstract class Readiness {
  /** Which database the service runs on, for the probe's answer. */
  abstract readonly kind: string;
  abstract isReady(): Promise<boolean>;
}

/** A read model whose projection changed version, to be rebuilt by the schema owner. */
export interface PendingRebuild {
  readonly projection: string;
  readonly version: number;
}

/**
 * Work the service waits on before it answers correctly, that it cannot do itself: a read model whose
 * version changed, to be rebuilt by the schema owner's job. None: ready. The projections module provides it.
 */
export abstract class PendingWork {
  abstract pending(): readonly PendingRebuild[];
}
