import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which account a provider identity signs in as: an index of the accounts' streams (IdentityLinked), whose
 * key keeps one identity to one account. The stream stays the truth: a sign-in checks both.
 */
export class AccountIdentities1765700000000 implements MigrationInterface {
  name = 'AccountIdentities1765700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE account_identities (
      issuer text NOT NULL,
      subject text NOT NULL,
      account_id uuid NOT NULL,
      PRIMARY KEY (issuer, subject)
    )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE account_identities`);
  }
}
