import { parseArgs } from 'node:util';
import { Accounts } from '../accounts/accounts.js';
import type { ProviderIdentity } from '../accounts/domain/account.events.js';
import { accountIdOf } from '../auth/account-id.js';
import { generatePassword } from '../auth/password.js';
import { AppConfig } from '../platform/config/app-config.js';
import { ProblemError } from '../platform/http/problem.js';
import { ROLES, type Grant, type Role } from '../shared/access/principal.js';
import { DomainError } from '../shared/domain/errors.js';
import { StreamNotFoundError } from '../shared/stream-errors.js';
import type { CliContext } from './cli-context.js';
import { UsageError } from './usage-error.js';

export const ACCOUNTS_USAGE = `  accounts create <username> --grant <role>@<organization-id|*> [--grant ...] [--password <password>]
                     an account over an organization's subtree (* the whole tree); without --password one is
                     generated and printed; either way it must change at the first login
  accounts grant|revoke <username> <role>@<organization-id|*>
  accounts disable|enable <username>
  accounts reset-password <username> [--password <password>]
                     roles: ${ROLES.join(', ')}
  accounts link|unlink <username> <subject> [--issuer <url>]
                     the identity provider's person (its "sub") signs in as the account; the issuer is
                     OIDC_ISSUER unless given`;

const ACTIONS = ['create', 'grant', 'revoke', 'disable', 'enable', 'reset-password', 'link', 'unlink'] as const;
type Action = (typeof ACTIONS)[number];

interface AccountsArguments {
  readonly action: Action;
  readonly username: string;
  readonly grants: readonly Grant[];
  readonly password: string | undefined;
  readonly subject: string | undefined;
  readonly issuer: string | undefined;
}

function grantOf(text: string): Grant {
  const [role, organization, extra] = text.split('@');
  if (extra !== undefined || !organization || !(ROLES as readonly string[]).includes(role ?? '')) {
    throw new UsageError(`a grant is <role>@<organization-id|*> with a role among ${ROLES.join(', ')} (got "${text}")`);
  }
  return { role: role as Role, organizationId: organization === '*' ? null : organization };
}

export function accountsArguments(args: readonly string[]): AccountsArguments {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: { grant: { type: 'string', multiple: true }, password: { type: 'string' }, issuer: { type: 'string' } },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const [action, username, third, ...rest] = parsed.positionals;
  if (!ACTIONS.includes(action as Action)) throw new UsageError(`accounts needs one of ${ACTIONS.join(', ')}`);
  if (!username) throw new UsageError(`accounts ${action} needs a username`);
  const positionalGrant = action === 'grant' || action === 'revoke';
  const identity = action === 'link' || action === 'unlink';
  if (rest.length > 0 || (third !== undefined && !positionalGrant && !identity))
    throw new UsageError(`unexpected arguments: ${[third, ...rest].filter(Boolean).join(' ')}`);
  if (positionalGrant && third === undefined) throw new UsageError(`accounts ${action} needs a grant <role>@<organization-id|*>`);
  if (identity && third === undefined) throw new UsageError(`accounts ${action} needs the subject of the identity`);
  const grants = positionalGrant ? [grantOf(third!)] : (parsed.values.grant ?? []).map(grantOf);
  if (action === 'create' && grants.length === 0) throw new UsageError('accounts create needs at least one --grant');
  const { password, issuer } = parsed.values;
  if (
    (parsed.values.grant && action !== 'create') ||
    (password !== undefined && action !== 'create' && action !== 'reset-password') ||
    (issuer !== undefined && !identity)
  ) {
    throw new UsageError(`accounts ${action} takes no such option`);
  }
  return { action: action as Action, username, grants, password, subject: identity ? third : undefined, issuer };
}

/** A refusal the API would answer with 4xx: its code and message, and exit code 1. */
function refusal(error: unknown): string | undefined {
  if (error instanceof ProblemError || error instanceof DomainError) {
    const details = error instanceof DomainError && typeof error.details.field === 'string' ? ` (${error.details.field})` : '';
    return `refused: ${error.code}: ${error.message}${details}`;
  }
  if (error instanceof StreamNotFoundError) return 'refused: not-found: no such account';
  return undefined;
}

/** Set-up without the admin UI: the same commands as the API's, by the operator over the whole tree. */
export async function accountsCommand(context: CliContext, args: readonly string[]): Promise<number> {
  try {
    await run(context, accountsArguments(args));
    return 0;
  } catch (error) {
    const message = refusal(error);
    if (message === undefined) throw error;
    process.stderr.write(`${message}\n`);
    return 1;
  }
}

/** The identity named on the command line: its issuer is the configured provider's unless given. */
function identityOf(context: CliContext, subject: string, issuer: string | undefined): ProviderIdentity {
  const config = context.get(AppConfig);
  const configured = config.providerSignIn?.issuer ?? config.externalIssuer?.issuer;
  if (!issuer && !configured) throw new UsageError('accounts link and unlink need --issuer <url> when OIDC_ISSUER is unset');
  return { issuer: issuer ?? configured!, subject };
}

async function run(context: CliContext, { action, username, grants, password, subject, issuer }: AccountsArguments): Promise<void> {
  const accounts = context.get(Accounts);
  const id = accountIdOf(username);
  const chosen = password ?? generatePassword();
  switch (action) {
    case 'create':
      await accounts.create({ username, password: chosen, grants });
      break;
    case 'grant':
      await accounts.addGrant(id, grants[0]!);
      break;
    case 'revoke':
      await accounts.removeGrant(id, grants[0]!);
      break;
    case 'disable':
      await accounts.disable(id, null);
      break;
    case 'enable':
      await accounts.enable(id, null);
      break;
    case 'reset-password':
      await accounts.resetPassword(id, chosen);
      break;
    case 'link':
      await accounts.linkIdentity(id, identityOf(context, subject!, issuer));
      break;
    case 'unlink':
      await accounts.unlinkIdentity(id, identityOf(context, subject!, issuer));
      break;
  }
  process.stdout.write(`${username}\t${id}\t${action} done\n`);
  if ((action === 'create' || action === 'reset-password') && password === undefined) {
    process.stdout.write(`password (to change at the first login): ${chosen}\n`);
  }
}
