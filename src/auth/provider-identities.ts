import { Injectable } from '@nestjs/common';
import type { ProviderIdentity } from '../accounts/domain/account.events.js';
import { Database } from '../database/database.js';

/**
 * Which account each provider identity signs in as: the index the sign-in looks up, whose key keeps an
 * identity to one account. The account's stream (IdentityLinked, IdentityUnlinked) stays the truth.
 */
@Injectable()
export class ProviderIdentities {
  constructor(private readonly database: Database) {}

  /** Takes the identity for the account; the account that holds it instead, when another one does. */
  async claim(identity: ProviderIdentity, accountId: string): Promise<string | null> {
    const { rows } = await this.database.pool.query<{ account_id: string }>(
      `WITH claimed AS (
         INSERT INTO account_identities (issuer, subject, account_id) VALUES ($1, $2, $3) ON CONFLICT (issuer, subject) DO NOTHING RETURNING account_id
       )
       SELECT account_id FROM claimed UNION ALL SELECT account_id FROM account_identities WHERE issuer = $1 AND subject = $2`,
      [identity.issuer, identity.subject, accountId],
    );
    // A claim of the same identity committed while this one ran is seen by the next statement.
    if (!rows[0]) return this.claim(identity, accountId);
    return rows[0].account_id === accountId ? null : rows[0].account_id;
  }

  /** Hands the identity from an account whose stream no longer links it (a link that failed half-way) to another. */
  async transfer(identity: ProviderIdentity, from: string, to: string): Promise<void> {
    await this.database.pool.query('UPDATE account_identities SET account_id = $4 WHERE issuer = $1 AND subject = $2 AND account_id = $3', [
      identity.issuer,
      identity.subject,
      from,
      to,
    ]);
  }

  async release(identity: ProviderIdentity, accountId: string): Promise<void> {
    await this.database.pool.query('DELETE FROM account_identities WHERE issuer = $1 AND subject = $2 AND account_id = $3', [
      identity.issuer,
      identity.subject,
      accountId,
    ]);
  }

  async accountOf(identity: ProviderIdentity): Promise<string | undefined> {
    const { rows } = await this.database.pool.query<{ account_id: string }>('SELECT account_id FROM account_identities WHERE issuer = $1 AND subject = $2', [
      identity.issuer,
      identity.subject,
    ]);
    return rows[0]?.account_id;
  }
}
