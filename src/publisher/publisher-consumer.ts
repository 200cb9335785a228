import type pg from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import type { RecordedEvent } from '../event-store/event-store.js';
import { policyContexts } from '../feed/policy-contexts.js';
import { MAPPED_EVENT_TYPES, toPublicEvent } from '../feed/public-events.js';
import type { Projection } from '../projections/projection.js';
import type { PublisherMetrics } from './publisher-metrics.js';
import type { PublicEventTarget } from './public-event-target.js';

/** The batch's transaction as the policy's reader: the embedded database runs one session at a time. */
function reader(tx: EntityManager): Pick<pg.Pool, 'query'> {
  return { query: async (sql: string, values?: unknown[]) => ({ rows: (await tx.query(sql, values)) as unknown[] }) } as unknown as Pick<pg.Pool, 'query'>;
}

/**
 * The publisher of one target as a consumer on the projection runner: it has no tables; its "evolve" passes
 * each event through the public-event policy and waits for the target to hold what comes out. A failure
 * rolls the batch back, the checkpoint stays, and the runner retries the batch with backoff: at least once,
 * in commit order, the repeats recognised by the target.
 */
export function publisherConsumer(target: PublicEventTarget, metrics?: PublisherMetrics): Projection {
  return {
    name: `public-events-${target.name}`,
    version: 1,
    handles: MAPPED_EVENT_TYPES,
    tables: [],
    async evolve(tx, event: RecordedEvent) {
      const [context] = await policyContexts(reader(tx), [event]);
      const published = context && toPublicEvent(event, context);
      if (!published) return;
      try {
        const { duplicate } = await target.publish({ event: published.event, streamVersion: event.streamVersion });
        if (!duplicate) metrics?.published.inc({ target: target.name });
      } catch (error) {
        metrics?.failures.inc({ target: target.name });
        throw error;
      }
    },
  };
}

/**
 * A publisher starts at the first event: its checkpoint is made there, so that the runner follows from it
 * rather than "rebuilding" (which for a publisher would start over from zero after every interruption).
 */
export async function preparePublisherCheckpoint(dataSource: DataSource, consumer: Projection, now: Date): Promise<void> {
  await dataSource.query(
    `INSERT INTO projection_checkpoints (name, version, transaction_id, global_position, updated_at) VALUES ($1, $2, '0'::xid8, 0, $3)
     ON CONFLICT (name) DO NOTHING`,
    [consumer.name, consumer.version, now],
  );
}
