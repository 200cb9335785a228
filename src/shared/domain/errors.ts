/**
 * The failures a domain can report. Each kind maps to one HTTP status in the problem filter;
 * `code` is stable and machine-readable, `details` explains the computation behind the refusal.
 */
export abstract class DomainError extends Error {
  protected constructor(
    readonly code: string,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A command that the stream's current state does not allow. */
export class InvalidTransitionError extends DomainError {
  constructor(command: string, currentState: string, allowedCommands: readonly string[]) {
    super('invalid-transition', `${command} is not allowed in state ${currentState}; allowed: ${allowedCommands.join(', ') || 'none'}`, {
      command,
      currentState,
      allowedCommands,
    });
  }
}

/** A rule of the law (with its citation) that refuses the command. */
export class RuleViolationError extends DomainError {
  constructor(code: string, message: string, details: Readonly<Record<string, unknown>> = {}) {
    super(code, message, details);
  }
}

/** Input that is well-formed but inconsistent with itself (dates out of order, unknown member). */
export class InvalidInputError extends DomainError {
  constructor(field: string, rule: string, message: string) {
    super('invalid-input', message, { field, rule });
  }
}

/** A command names another record (organization, body, member) that does not exist. */
export class UnknownReferenceError extends DomainError {
  constructor(field: string, reference: string, message = `${field} names ${reference}, which does not exist`) {
    super('unknown-reference', message, { field, reference });
  }
}
