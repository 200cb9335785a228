import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.js';
import { ALL_ORGANIZATIONS, scopeOf, setScope, type OrganizationScope } from '../database/organization-scope.js';
import { EventStore, type GlobalCheckpoint, type RecordedEvent } from '../event-store/event-store.js';
import { loadCheckpoint } from '../projections/checkpoints.js';
import { organizationHistoryProjection } from '../projections/organization-history/organization-history.projection.js';
import { FEED_ROLES } from '../shared/access/policy.js';
import type { Grant } from '../shared/access/principal.js';
import { compareCheckpoints, encodeCursor } from '../event-store/checkpoint-cursor.js';
import { policyContexts } from './policy-contexts.js';
import { toPublicEvent, type PublicEvent } from './public-events.js';

export interface FeedEvent extends PublicEvent {
  readonly cursor: string;
}

export interface FeedPage {
  readonly events: FeedEvent[];
  /** After the last event read, published or not: pass it back to continue. */
  readonly next: string;
}

/** Read from the store per round trip; a page that finds few public events stops after MAX_SCANNED and says where it got to. */
const SCAN_BATCH = 500;
const MAX_SCANNED = 20_000;

/** What a caller may see: every organization, or these (the subtrees of its grants), up to where the tree is known. */
type Reach = { readonly all: true } | { readonly all: false; readonly organizations: ReadonlySet<string>; readonly knownUpTo: GlobalCheckpoint | undefined };

function checkpointOf(event: RecordedEvent): GlobalCheckpoint {
  return { transactionId: event.transactionId, globalPosition: event.globalPosition };
}

/**
 * The public feed: the store's events in commit order (its commit-safe `readAll`, so that none is skipped),
 * through the public-event policy, limited to the caller's organizations.
 */
@Injectable()
export class PublicFeed {
  constructor(
    private readonly database: Database,
    private readonly store: EventStore,
  ) {}

  async page(after: GlobalCheckpoint, limit: number, grants: readonly Grant[]): Promise<FeedPage> {
    const reach = await this.reach(scopeOf(grants.filter((grant) => FEED_ROLES.includes(grant.role))));
    const events: FeedEvent[] = [];
    let cursor = after;
    let scanned = 0;
    while (events.length < limit && scanned < MAX_SCANNED) {
      const batch = (await this.store.readAll(cursor, SCAN_BATCH)).events;
      // An organization founded after the tree read model's checkpoint would not be known to be in reach yet: stop before it.
      const known = reach.all ? batch : batch.filter((event) => reach.knownUpTo && compareCheckpoints(checkpointOf(event), reach.knownUpTo) <= 0);
      const contexts = await policyContexts(this.database.pool, known);
      for (const [index, event] of known.entries()) {
        cursor = checkpointOf(event);
        scanned += 1;
        const published = toPublicEvent(event, contexts[index]!);
        if (published && (reach.all || published.concerns.organizationIds.some((id) => reach.organizations.has(id)))) {
          events.push({ ...published.event, cursor: encodeCursor(cursor) });
          if (events.length === limit) break;
        }
      }
      if (known.length < SCAN_BATCH) break;
    }
    return { events, next: encodeCursor(cursor) };
  }

  /**
   * The organizations in the subtrees of `scope`, from the organization tree read model, and how far that
   * model has read: its checkpoint is read first, so every organization founded up to it is in the tree read after.
   */
  private async reach(scope: OrganizationScope): Promise<Reach> {
    if (scope === ALL_ORGANIZATIONS) return { all: true };
    const client = await this.database.pool.connect();
    try {
      await client.query('BEGIN');
      const tx = { query: async <R>(sql: string, values?: unknown[]) => (await client.query(sql, values)).rows as R };
      const knownUpTo = await loadCheckpoint(tx, organizationHistoryProjection.name);
      await setScope(tx, { organizations: scope, confidentialCases: [] });
      const { rows } = await client.query<{ ids: string[] }>('SELECT disciplina_scope_organizations() AS ids');
      await client.query('COMMIT');
      return { all: false, organizations: new Set(rows[0]?.ids ?? []), knownUpTo };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
