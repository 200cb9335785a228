import { EventStore1764300000000 } from './1764300000000-event-store.js';

/** Every migration, in order. Schema changes happen here only (never `synchronize`). */
export const migrations = [EventStore1764300000000];
