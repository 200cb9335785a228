import { refusalText } from '../../shared/domain/refusals/catalogue.js';
import type { RequestCode } from '../../shared/domain/refusals/request-refusals.js';
import type { ValidationRule } from '../../shared/domain/refusals/validation-refusals.js';

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

/**
 * One rule an input field broke, as validation reports it: the rule's name (class-validator's, or the
 * service's own) and its limits (`constraints`, `each`), which word its message in the catalogue.
 */
export interface FieldViolation {
  readonly field: string;
  readonly rule: ValidationRule;
  readonly constraints?: readonly unknown[];
  readonly each?: boolean;
}

/** Thrown by the validation pipe; the problem filter turns it into a 400 listing every field. */
export class RequestValidationError extends Error {
  constructor(readonly violations: readonly FieldViolation[]) {
    super(refusalText('validation-failed', { errors: violations }, 'en'));
    this.name = 'RequestValidationError';
  }
}

/** A refusal by the platform itself (not by a domain rule), with its status and stable code; `details` fill in its wording. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly code: RequestCode,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(refusalText(code, details, 'en'));
    this.name = 'ProblemError';
  }
}
