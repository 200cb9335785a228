import { Body } from '@nestjs/common';
import { CreationRoute } from '../../../platform/http/api-routes.js';
import { accounts, AccountsController } from '../../account.resource.js';
import { Accounts } from '../../accounts.js';
import { toGrant } from '../grants/grant.request.js';
import { CreateAccountRequest } from './create-account.request.js';

@AccountsController()
export class CreateAccountHttp {
  constructor(private readonly accounts: Accounts) {}

  @CreationRoute('', { resource: accounts, command: 'createAccount', summary: 'Create an account with its grants (tạo tài khoản)' })
  create(@Body() request: CreateAccountRequest) {
    return this.accounts.create({ ...request, grants: request.grants.map(toGrant) });
  }
}
