import { Injectable } from '@nestjs/common';
import { accountDecider, accountStreamId, ACCOUNT_STREAM_TYPE } from '../accounts/domain/account.decider.js';
import { ACCOUNT_ACT_DATES, type AccountEvent, type ProviderIdentity } from '../accounts/domain/account.events.js';
import type { AccountCommand } from '../accounts/domain/account.commands.js';
import type { AccountState } from '../accounts/domain/account.state.js';
import { EventSourcedStreams, type StreamDefinition } from '../event-store/event-sourced-streams.js';
import { AppConfig } from '../platform/config/app-config.js';
import { isGrant, type Grant } from '../shared/access/principal.js';
import { Clock } from '../shared/clock.js';
import { StreamNotFoundError } from '../shared/stream-errors.js';

export const accountStream: StreamDefinition<AccountCommand, AccountState, AccountEvent> = {
  streamType: ACCOUNT_STREAM_TYPE,
  decider: accountDecider,
  actDates: ACCOUNT_ACT_DATES,
};

/** What a request may rely on about its caller's account, as its stream says now. */
export interface AccountStanding {
  readonly accountId: string;
  readonly username: string;
  readonly active: boolean;
  readonly grants: readonly Grant[];
  readonly identities: readonly ProviderIdentity[];
  readonly mustChangePassword: boolean;
  readonly sessionGeneration: number;
}

/**
 * Every authenticated request reads its account's status and grants from the account's stream, kept here
 * for ACCOUNT_CACHE_SECONDS: disabling an account, removing a grant or logging out takes effect on this
 * instance at once (the change forgets the entry) and on every other within that time.
 */
@Injectable()
export class AccountAccess {
  private readonly cache = new Map<string, { standing: AccountStanding | null; until: number }>();

  constructor(
    private readonly streams: EventSourcedStreams,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** The account's standing; null when there is no such account. */
  async standing(accountId: string): Promise<AccountStanding | null> {
    const now = this.clock.now().getTime();
    const cached = this.cache.get(accountId);
    if (cached && cached.until > now) return cached.standing;
    const standing = await this.read(accountId);
    this.cache.set(accountId, { standing, until: now + this.config.accountCacheSeconds * 1000 });
    if (this.cache.size > MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
    return standing;
  }

  forget(accountId: string): void {
    this.cache.delete(accountId);
  }

  private async read(accountId: string): Promise<AccountStanding | null> {
    let state: AccountState;
    try {
      ({ state } = await this.streams.load(accountStream, accountStreamId(accountId)));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return null;
      throw error;
    }
    if (state.status === 'not-created') return null;
    const { account } = state;
    return {
      accountId,
      username: account.username,
      active: state.status === 'active',
      grants: account.grants.filter(isGrant),
      identities: account.identities,
      mustChangePassword: account.mustChangePassword,
      sessionGeneration: account.sessionGeneration,
    };
  }
}

/** Far more accounts than one instance serves at once; the oldest entry goes first. */
const MAX_ENTRIES = 10_000;
