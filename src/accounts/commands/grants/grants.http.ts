import { applyDecorators, Body, Delete, HttpCode, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse } from '@nestjs/swagger';
import { ApiProblemResponses, StreamViewResponse, UuidParam } from '../../../platform/http/api-routes.js';
import { IfMatchVersion } from '../../../platform/http/stream-versioning.js';
import { Allow, ACCOUNT_ADMIN_ROLES } from '../../../shared/access/policy.js';
import { AccountsController } from '../../account.resource.js';
import { Accounts } from '../../accounts.js';
import { GrantRequest, toGrant } from './grant.request.js';

function GrantRoute(method: typeof Post, operationId: string, summary: string): MethodDecorator {
  return applyDecorators(
    method(':id/grants'),
    HttpCode(200),
    ApiOperation({ operationId, summary, description: 'Within the administrator’s subtree only: 403 out-of-scope otherwise, and nothing is written.' }),
    ApiHeader({ name: 'If-Match', required: false, description: 'The ETag last read, such as "3"' }),
    ApiResponse({ status: 200, description: 'The account, with its ETag', type: StreamViewResponse }),
    ApiProblemResponses(400, 401, 403, 404, 409, 422),
    Allow(...ACCOUNT_ADMIN_ROLES),
  );
}

@AccountsController()
export class GrantsHttp {
  constructor(private readonly accounts: Accounts) {}

  @GrantRoute(Post, 'addGrant', 'Grant a role over an organization subtree (cấp quyền)')
  add(@UuidParam('id') id: string, @IfMatchVersion() version: number | undefined, @Body() request: GrantRequest) {
    return this.accounts.addGrant(id, toGrant(request), version);
  }

  @GrantRoute(Delete, 'removeGrant', 'Remove a grant (thu hồi quyền); the account’s tokens lose it at once')
  remove(@UuidParam('id') id: string, @IfMatchVersion() version: number | undefined, @Body() request: GrantRequest) {
    return this.accounts.removeGrant(id, toGrant(request), version);
  }
}
