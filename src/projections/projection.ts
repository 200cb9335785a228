import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '../event-store/event-store.js';
import type { DomainEventType } from './domain-events.js';

/**
 * A read model kept from events. `evolve` runs inside the batch's transaction and must write only with
 * unqualified table names: a rebuild points them at fresh tables through the search path.
 */
export interface Projection {
  /** Lower-case letters, digits and dashes; the key of its checkpoint and of its locks. */
  readonly name: string;
  /** Raise it when `evolve` changes meaning: the read model is then rebuilt from the first event. */
  readonly version: number;
  /** The domain event types it applies; a renamed or removed type fails to compile here. */
  readonly handles: readonly DomainEventType[];
  /** The tables it writes, created by migrations; a rebuild fills copies of them and swaps them in. */
  readonly tables: readonly string[];
  evolve(tx: EntityManager, event: RecordedEvent): Promise<void>;
}

export const PROJECTION_NAME = /^[a-z][a-z0-9-]{0,40}$/;

export function assertValidProjection(projection: Projection): void {
  if (!PROJECTION_NAME.test(projection.name)) throw new Error(`Invalid projection name "${projection.name}"`);
  if (!Number.isInteger(projection.version) || projection.version < 1) throw new Error(`Projection ${projection.name}: version must be a positive integer`);
  for (const table of projection.tables) {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(table)) throw new Error(`Projection ${projection.name}: invalid table name "${table}"`);
  }
}
