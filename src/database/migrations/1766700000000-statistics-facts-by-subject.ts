import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The statistics as of a day read the facts of a subtree's organizations and those attributed to the members
 * placed in them (`aboutOrganizations`): an index for each, where the period's index had a year of facts scanned.
 */
export class StatisticsFactsBySubject1766700000000 implements MigrationInterface {
  name = 'StatisticsFactsBySubject1766700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX discipline_statistics_facts_by_organization ON discipline_statistics_facts (organization_id, occurred_on)`);
    await db.query(
      `CREATE INDEX discipline_statistics_facts_by_member ON discipline_statistics_facts (attributed_member_id) WHERE attributed_member_id IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX discipline_statistics_facts_by_member`);
    await db.query(`DROP INDEX discipline_statistics_facts_by_organization`);
  }
}
