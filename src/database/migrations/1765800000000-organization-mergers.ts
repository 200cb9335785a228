import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The organization history's tree marks a merged organization with its successor and the day it joined it
 * (the projection's version 3 rebuilds the tree with them, the predecessor under its successor).
 */
export class OrganizationMergers1765800000000 implements MigrationInterface {
  name = 'OrganizationMergers1765800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE organization_tree ADD COLUMN merged_into text, ADD COLUMN merged_on date`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE organization_tree DROP COLUMN merged_into, DROP COLUMN merged_on`);
  }
}
