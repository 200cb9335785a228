/** RFC 9457 problem details, with a stable machine-readable `code`. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly instance?: string;
  readonly requestId?: string;
  readonly [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problem(status: number, code: string, title: string, detail: string, extensions: Record<string, unknown> = {}): Problem {
  return { type: `urn:disciplina:problem:${code}`, title, status, code, detail, ...extensions };
}

/** One rule an input field broke, as validation reports it. */
export interface FieldViolation {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}

/** Thrown by the validation pipe; the problem filter turns it into a 400 listing every field. */
export class RequestValidationError extends Error {
  constructor(readonly violations: readonly FieldViolation[]) {
    super(violations.map((v) => v.message).join('; '));
    this.name = 'RequestValidationError';
  }
}

/** A refusal by the platform itself (not by a domain rule), with its status and stable code. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'ProblemError';
  }
}
