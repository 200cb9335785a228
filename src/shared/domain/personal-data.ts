import type { Event } from './decider.js';

/** A personal field as read back: null once its subject's data was erased (Decree 13/2023/NĐ-CP art. 16). */
export type Erasable<T> = T | null;

type DataOf<E extends Event, T extends E['type']> = Extract<E, { type: T }>['data'];
type FieldOf<E extends Event, T extends E['type']> = keyof DataOf<E, T> & string;

/**
 * Which events of a stream carry personal data (dữ liệu cá nhân, Decree 13/2023/NĐ-CP art. 2): per event
 * type, the field naming the data subject and the personal fields; and the event that erases a subject's data.
 */
export type PersonalDataDeclaration<E extends Event> = Readonly<{
  fields: { readonly [T in E['type']]?: Readonly<{ subject: FieldOf<E, T>; fields: readonly FieldOf<E, T>[] }> };
  erasure: { readonly [T in E['type']]: Readonly<{ type: T; subject: FieldOf<E, T> }> }[E['type']];
}>;

/** A declaration as the code that applies it reads it, whatever the stream. */
export type PersonalDataRules = Readonly<{
  fields: Readonly<Partial<Record<string, Readonly<{ subject: string; fields: readonly string[] }>>>>;
  erasure: Readonly<{ type: string; subject: string }>;
}>;

export function declarePersonalData<E extends Event>(declaration: PersonalDataDeclaration<E>): PersonalDataRules {
  return declaration as PersonalDataRules;
}

type AnyEvent = Readonly<{ type: string; data: Readonly<Record<string, unknown>> }>;

/** The subject whose personal data the event carries, or whose erasure it records; null for any other event. */
export function personalDataSubject(rules: PersonalDataRules, event: AnyEvent): string | null {
  const subjectField = event.type === rules.erasure.type ? rules.erasure.subject : rules.fields[event.type]?.subject;
  const subject = subjectField === undefined ? undefined : event.data[subjectField];
  return typeof subject === 'string' ? subject : null;
}

/** Every personal field name the declaration knows. */
export function personalFieldNames(rules: PersonalDataRules): string[] {
  return [...new Set(Object.values(rules.fields).flatMap((declared) => declared?.fields ?? []))];
}

/** The event with each personal field mapped by `value` (from its stored value, given its subject). */
export function mapPersonalFields<E extends AnyEvent>(rules: PersonalDataRules, event: E, value: (stored: unknown, subject: string) => unknown): E {
  const declared = rules.fields[event.type];
  const subject = personalDataSubject(rules, event);
  if (!declared || subject === null) return event;
  const data: Record<string, unknown> = { ...event.data };
  for (const field of declared.fields) {
    if (field in data) data[field] = value(data[field], subject);
  }
  return { ...event, data };
}

/** The event without its personal data: what read models keep, so that they never hold a copy of it. */
export function withoutPersonalData<E extends AnyEvent>(rules: PersonalDataRules, event: E): E {
  return mapPersonalFields(rules, event, () => null);
}
