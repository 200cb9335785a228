/** `any`: no check; `no-stream`: the stream must not exist; `exists`: it must; a number: its exact version. */
export type ExpectedVersion = 'any' | 'no-stream' | 'exists' | number;

/** The stream is not at the version the writer expected: someone else wrote first. */
export class ExpectedVersionConflictError extends Error {
  readonly code = 'concurrency-conflict';
  constructor(
    readonly streamId: string,
    readonly expectedVersion: ExpectedVersion,
    readonly currentVersion: number,
  ) {
    super(`Stream ${streamId} is at version ${currentVersion}; expected ${String(expectedVersion)}`);
    this.name = 'ExpectedVersionConflictError';
  }
}

export class StreamNotFoundError extends Error {
  readonly code = 'not-found';
  constructor(readonly streamId: string) {
    super(`Stream ${streamId} does not exist`);
    this.name = 'StreamNotFoundError';
  }
}

/**
 * A stream that exists but lies outside the caller's scope, or is a case confidential to others: answered
 * exactly as one that does not exist, and recorded as a refused access.
 */
export class StreamOutOfScopeError extends StreamNotFoundError {}
