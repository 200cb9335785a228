import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.js';
import { Clock } from '../shared/clock.js';
import { hashPassword, verifyPassword } from './password.js';
import type { Grant, Principal } from '../shared/access/principal.js';

/** Local accounts for the embedded default; an organization's identity provider replaces them. */
@Injectable()
export class Users {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
  ) {}

  /** Creates the account unless it exists; true when it was created. */
  async create(username: string, password: string, grants: readonly Grant[]): Promise<boolean> {
    const { rowCount } = await this.database.pool.query(
      `INSERT INTO users (username, password_hash, grants, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (username) DO NOTHING`,
      [username, await hashPassword(password), JSON.stringify(grants), this.clock.now()],
    );
    return rowCount === 1;
  }

  async exists(username: string): Promise<boolean> {
    const { rowCount } = await this.database.pool.query('SELECT 1 FROM users WHERE username = $1', [username]);
    return rowCount === 1;
  }

  /** The account's principal when the password is right; undefined otherwise, in the same time either way. */
  async authenticate(username: string, password: string): Promise<Principal | undefined> {
    const { rows } = await this.database.pool.query<{ password_hash: string; grants: Grant[] }>('SELECT password_hash, grants FROM users WHERE username = $1', [
      username,
    ]);
    const account = rows[0];
    const matches = await verifyPassword(password, account?.password_hash ?? UNKNOWN_USER_HASH);
    return account && matches ? { actor: username, grants: account.grants } : undefined;
  }
}

/** A hash no password matches, verified for unknown users so that timing does not tell who exists. */
const UNKNOWN_USER_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
