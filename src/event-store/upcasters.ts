import type { RecordedEvent } from './event-store.js';

export type Upcast = (data: Readonly<Record<string, unknown>>) => Record<string, unknown>;

/**
 * Events evolve by upcasting on read: stored rows keep the shape they were written in, and each
 * registered step maps one schema version of one event type to the next.
 */
export class UpcasterRegistry {
  private readonly steps = new Map<string, Upcast>();

  register(type: string, fromVersion: number, upcast: Upcast): this {
    this.steps.set(`${type}@${fromVersion}`, upcast);
    return this;
  }

  /** The schema version new events of this type are written in. */
  currentVersion(type: string): number {
    let version = 1;
    while (this.steps.has(`${type}@${version}`)) version += 1;
    return version;
  }

  upcast(event: RecordedEvent): RecordedEvent {
    let { data, schemaVersion } = event;
    for (let step = this.steps.get(`${event.type}@${schemaVersion}`); step; step = this.steps.get(`${event.type}@${schemaVersion}`)) {
      data = step(data);
      schemaVersion += 1;
    }
    return schemaVersion === event.schemaVersion ? event : { ...event, data, schemaVersion };
  }
}
