import { mapPersonalFields, personalDataSubject, withoutPersonalData, type PersonalDataRules } from '../../shared/domain/personal-data.js';
import { isSealed, open, seal } from './sealed-value.js';
import type { SubjectKeys } from './subject-keys.js';

type DomainEvent = Readonly<{ type: string; data: Readonly<Record<string, unknown>> }>;

function context(subjectId: string): string {
  return `personal-data:${subjectId}`;
}

function subjects(rules: PersonalDataRules, events: readonly DomainEvent[], erasures: boolean): string[] {
  const found = events.filter((event) => (event.type === rules.erasure.type) === erasures).flatMap((event) => personalDataSubject(rules, event) ?? []);
  return [...new Set(found)];
}

/**
 * The one place personal fields cross the event store boundary: sealed with their subject's key before an
 * append, so that the store (and its hash chain) only ever holds ciphertext; opened on read. Events
 * recorded before fields were sealed hold plain values, which read as they are.
 */
export class PersonalDataCodec {
  constructor(private readonly keys: SubjectKeys) {}

  async seal<E extends DomainEvent>(rules: PersonalDataRules | undefined, events: readonly E[]): Promise<E[]> {
    if (!rules) return [...events];
    const keys = await this.keys.obtain(subjects(rules, events, false));
    return events.map((event) =>
      mapPersonalFields(rules, event, (value, subject) => (value === null || value === undefined ? value : seal(keys.get(subject)!, context(subject), value))),
    );
  }

  /**
   * Plain values for the domain. A field reads null when its key is gone (crypto-shredded) or the events
   * record its subject's erasure; such a read also finishes a key destruction that an erasure left undone.
   */
  async open<E extends DomainEvent>(rules: PersonalDataRules | undefined, events: readonly E[]): Promise<E[]> {
    if (!rules) return [...events];
    const erased = new Set(subjects(rules, events, true));
    const keys = await this.keys.find([...new Set([...subjects(rules, events, false), ...erased])]);
    const lingering = [...erased].filter((subject) => keys.has(subject));
    if (lingering.length > 0) await this.keys.destroy(lingering);
    return events.map((event) =>
      mapPersonalFields(rules, event, (value, subject) => {
        if (erased.has(subject)) return null;
        if (!isSealed(value)) return value;
        const key = keys.get(subject);
        return key?.keyId === value.keyId ? open(key, context(subject), value) : null;
      }),
    );
  }

  /** Without reading any key: the personal fields null, for reads that do not need them. */
  withheld<E extends DomainEvent>(rules: PersonalDataRules | undefined, events: readonly E[]): E[] {
    return rules ? events.map((event) => withoutPersonalData(rules, event)) : [...events];
  }

  /** Destroys the keys of the subjects whose erasure the events record. */
  async erase(rules: PersonalDataRules | undefined, events: readonly DomainEvent[]): Promise<void> {
    if (rules) await this.keys.destroy(subjects(rules, events, true));
  }
}
