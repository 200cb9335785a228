import { Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty } from '@nestjs/swagger';
import { ApiProblemResponses, QueryRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { Allow, ACCOUNT_ADMIN_ROLES } from '../../../shared/access/policy.js';
import { StreamCommands } from '../../../commands/stream-commands.js';
import { accounts, AccountsController } from '../../account.resource.js';
import { Accounts, type AccountSummary } from '../../accounts.js';
import { GrantRequest } from '../../commands/grants/grant.request.js';
import { IdentityRequest } from '../../commands/identities/identity.request.js';

export class AccountSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 3 }) version!: number;
  @ApiProperty({ example: 'can-bo.xa-a' }) username!: string;
  @ApiProperty({ enum: ['active', 'disabled'] }) status!: 'active' | 'disabled';
  @ApiProperty({ type: [GrantRequest] }) grants!: GrantRequest[];
  @ApiProperty({ type: [IdentityRequest], description: 'Provider identities that sign in as this account' }) identities!: IdentityRequest[];
  @ApiProperty() mustChangePassword!: boolean;
}

@AccountsController()
export class GetAccountsHttp {
  constructor(
    private readonly accounts: Accounts,
    private readonly commands: StreamCommands,
  ) {}

  @Get()
  @Allow(...ACCOUNT_ADMIN_ROLES)
  @ApiOperation({ operationId: 'listAccounts', summary: 'The accounts with a grant in your subtrees (danh sách tài khoản)' })
  @ApiOkResponse({ type: [AccountSummaryResponse] })
  @ApiProblemResponses(401, 403)
  list(): Promise<AccountSummary[]> {
    return this.accounts.list();
  }

  @QueryRoute(':id', { operationId: 'getAccount', summary: 'An account: username, status, grants (tài khoản)' })
  @Allow(...ACCOUNT_ADMIN_ROLES)
  get(@UuidParam('id') id: string) {
    return this.commands.view(accounts, id);
  }
}
