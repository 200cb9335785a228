import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.js';
import { Clock } from '../shared/clock.js';
import { hashPassword, verifyPassword } from './password.js';

/** A local account's credential: the only place its password hash is kept (never in an event). */
export interface Credential {
  readonly accountId: string;
  readonly username: string;
}

/**
 * The credential store the login reads: username, account id and password hash. Everything else about an
 * account (status, grants, whether its password must change) is its event stream's (src/accounts).
 */
@Injectable()
export class Users {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
  ) {}

  /** Sets the account's password, adding its credential the first time. */
  async setPassword(credential: Credential, password: string): Promise<void> {
    await this.database.pool.query(
      `INSERT INTO users (username, account_id, password_hash, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash, account_id = EXCLUDED.account_id`,
      [credential.username, credential.accountId, await hashPassword(password), this.clock.now()],
    );
  }

  /** The account whose password this is; undefined otherwise, in the same time either way. */
  async authenticate(username: string, password: string): Promise<Credential | undefined> {
    const { rows } = await this.database.pool.query<{ account_id: string | null; password_hash: string }>(
      'SELECT account_id, password_hash FROM users WHERE username = $1',
      [username],
    );
    const row = rows[0];
    const matches = await verifyPassword(password, row?.password_hash ?? UNKNOWN_USER_HASH);
    return row?.account_id && matches ? { accountId: row.account_id, username } : undefined;
  }

  /** Every account with a credential. */
  async accountIds(): Promise<string[]> {
    const { rows } = await this.database.pool.query<{ account_id: string }>('SELECT account_id FROM users WHERE account_id IS NOT NULL ORDER BY username');
    return rows.map((row) => row.account_id);
  }

  /** Users of the time before accounts were event streams: made accounts once, at start (src/accounts). */
  async withoutAccount(): Promise<{ username: string; grants: unknown }[]> {
    const { rows } = await this.database.pool.query<{ username: string; grants: unknown }>('SELECT username, grants FROM users WHERE account_id IS NULL');
    return rows;
  }

  async adopt(credential: Credential): Promise<void> {
    await this.database.pool.query('UPDATE users SET account_id = $2, grants = NULL WHERE username = $1', [credential.username, credential.accountId]);
  }
}

/** A hash no password matches, verified for unknown users so that timing does not tell who exists. */
const UNKNOWN_USER_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
