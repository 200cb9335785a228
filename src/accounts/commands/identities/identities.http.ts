import { applyDecorators, Body, Delete, HttpCode, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse } from '@nestjs/swagger';
import { ApiProblemResponses, StreamViewResponse, UuidParam } from '../../../platform/http/api-routes.js';
import { IfMatchVersion } from '../../../platform/http/stream-versioning.js';
import { Allow, ACCOUNT_ADMIN_ROLES } from '../../../shared/access/policy.js';
import { AccountsController } from '../../account.resource.js';
import { Accounts } from '../../accounts.js';
import { IdentityRequest, toIdentity } from './identity.request.js';

function IdentityRoute(method: typeof Post, operationId: string, summary: string): MethodDecorator {
  return applyDecorators(
    method(':id/identities'),
    HttpCode(200),
    ApiOperation({
      operationId,
      summary,
      description: 'The identity signs in through the provider as this account, with its grants. Within the administrator’s subtree only.',
    }),
    ApiHeader({ name: 'If-Match', required: false, description: 'The ETag last read, such as "3"' }),
    ApiResponse({ status: 200, description: 'The account, with its ETag', type: StreamViewResponse }),
    ApiProblemResponses(400, 401, 403, 404, 409, 422),
    Allow(...ACCOUNT_ADMIN_ROLES),
  );
}

@AccountsController()
export class IdentitiesHttp {
  constructor(private readonly accounts: Accounts) {}

  @IdentityRoute(Post, 'linkIdentity', 'Link an identity of the provider to the account (liên kết định danh)')
  link(@UuidParam('id') id: string, @IfMatchVersion() version: number | undefined, @Body() request: IdentityRequest) {
    return this.accounts.linkIdentity(id, toIdentity(request), version);
  }

  @IdentityRoute(Delete, 'unlinkIdentity', 'Unlink an identity (huỷ liên kết định danh); its sessions end at once')
  unlink(@UuidParam('id') id: string, @IfMatchVersion() version: number | undefined, @Body() request: IdentityRequest) {
    return this.accounts.unlinkIdentity(id, toIdentity(request), version);
  }
}
