import { refusalText, type ProblemCode } from './refusals/catalogue.js';
import type { InputRule } from './refusals/input-refusals.js';
import type { RuleCode } from './refusals/rule-refusals.js';

/**
 * The failures a domain can report. Each kind maps to one HTTP status in the problem filter; `code` is
 * stable and machine-readable, `details` explains the computation behind the refusal and fills in its
 * wording (the message is the English of the refusals' catalogue).
 */
export abstract class DomainError extends Error {
  protected constructor(
    readonly code: ProblemCode,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(refusalText(code, details, 'en'));
    this.name = new.target.name;
  }
}

/** A command that the stream's current state does not allow. */
export class InvalidTransitionError extends DomainError {
  constructor(command: string, currentState: string, allowedCommands: readonly string[]) {
    super('invalid-transition', { command, currentState, allowedCommands });
  }
}

/** A rule of the law (with its citation) that refuses the command. */
export class RuleViolationError extends DomainError {
  constructor(code: RuleCode, details: Readonly<Record<string, unknown>> = {}) {
    super(code, details);
  }
}

/** Input that is well-formed but inconsistent with itself (dates out of order, unknown member); `value` and the like fill in its wording. */
export class InvalidInputError extends DomainError {
  constructor(field: string, rule: InputRule, values: Readonly<Record<string, unknown>> = {}) {
    super('invalid-input', { field, rule, ...values });
  }
}

/**
 * A command names another record (organization, body, member) that does not exist: `kind` is its stream type,
 * or the body an organization has not established (then `organizationId` names the organization).
 */
export class UnknownReferenceError extends DomainError {
  constructor(field: string, kind: string, id: string, organizationId?: string) {
    super('unknown-reference', { field, kind, id, ...(organizationId === undefined ? {} : { organizationId }) });
  }
}
