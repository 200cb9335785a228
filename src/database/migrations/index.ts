import { EventStore1764300000000 } from './1764300000000-event-store.js';
import { AuditCheckpoints1764500000000 } from './1764500000000-audit-checkpoints.js';

/** Every migration, in order. Schema changes happen here only (never `synchronize`). */
export const migrations = [EventStore1764300000000, AuditCheckpoints1764500000000];
