/** What the readiness probe asks of the service's dependencies; the database module provides it. */
export abstract class Readiness {
  /** Which database the service runs on, for the probe's answer. */
  abstract readonly kind: string;
  abstract isReady(): Promise<boolean>;
}
