import { InvalidInputError } from './errors.js';
import type { InputRule } from './refusals/input-refusals.js';
import { compareIsoDates, isIsoDate } from './iso-date.js';
import type { IsoDate, SubjectRef } from './vocabulary.js';

/** Guards for command data that is well-formed JSON but inconsistent; each throws InvalidInputError. */

export function requireText(field: string, value: string): void {
  if (value.trim() === '') throw new InvalidInputError(field, 'not-blank');
}

export function requireIsoDate(field: string, value: IsoDate): void {
  if (!isIsoDate(value)) throw new InvalidInputError(field, 'iso-date', { value });
}

/** A legal act cannot be dated after the day it is recorded. */
export function requireNotInFuture(field: string, value: IsoDate, today: IsoDate): void {
  requireIsoDate(field, value);
  if (compareIsoDates(value, today) > 0) {
    throw new InvalidInputError(field, 'not-in-future', { value, today });
  }
}

/** The earlier dates an act may not precede, each with its rule (`not-before-proposal`). */
type Earliest<R> = R extends `not-before-${infer Name}` ? Name : never;

export function requireNotBefore(field: string, value: IsoDate, earliest: IsoDate, earliestName: Earliest<InputRule>): void {
  requireIsoDate(field, value);
  if (compareIsoDates(value, earliest) < 0) {
    throw new InvalidInputError(field, `not-before-${earliestName}`, { value, earliest });
  }
}

/** The date of a new act on a stream: a real date, not in the future, not before the stream's last act. */
export function requireActDate(field: string, value: IsoDate, lastActOn: IsoDate, today: IsoDate): void {
  requireNotInFuture(field, value, today);
  requireNotBefore(field, value, lastActOn, 'last-act');
}

/**
 * The date of a dated fact recorded on a stream (a managing committee, a power, a handover), often after
 * the fact: a real date, not in the future, not before the dates that fact already has on the record. It
 * does not move the stream's last act, so that acts dated before it can still follow.
 */
export function requireDatedFact(field: string, value: IsoDate, earliest: IsoDate, today: IsoDate): void {
  requireNotInFuture(field, value, today);
  requireNotBefore(field, value, earliest, 'dated-fact');
}

export function requireSubject(field: string, subject: SubjectRef): void {
  switch (subject.kind) {
    case 'organization':
      return requireText(`${field}.organizationId`, subject.organizationId);
    case 'member':
      return requireText(`${field}.memberId`, subject.memberId);
    default:
      throw new InvalidInputError(`${field}.kind`, 'subject-kind');
  }
}
