import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16: the event store's searches of event data (a member's discipline cases and planning acts, an
 * organization's planning lists, the generator's provinces) walked every event of their type, and slowed as the
 * store grew. A GIN index of those types' data serves them; the types are SEARCHABLE_EVENT_TYPES in
 * src/event-store/event-store.ts, as they were when this migration was written.
 */
export class SearchableEventData1766200000000 implements MigrationInterface {
  name = 'SearchableEventData1766200000000';

  async up(db: QueryRunner): Promise<void> {
    // No pending list: an append of these types updates the index itself, so a search never walks a list of recent entries.
    await db.query(`CREATE INDEX events_searchable_data ON events USING gin (data jsonb_path_ops) WITH (fastupdate = off)
      WHERE event_type IN ('DisciplineCaseOpened', 'MemberAddedToPlanning', 'OrganizationFounded', 'PlanningListApproved')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX events_searchable_data`);
  }
}
