import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ProblemError } from '../platform/http/problem.js';
import { ApiBearerAuth, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, AUDIT_ROLES, WholeTree } from '../shared/access/policy.js';
import { ALL_ORGANIZATIONS, currentScope } from '../database/organization-scope.js';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { SignAuditCheckpoint, VerifyAuditTrail } from './audit-operations.js';
import { AuditSigningKey } from './audit-signing-key.provider.js';
import { AuditService, verdictOnly, type AuditVerdict, type AuditVerification } from './audit.service.js';
import type { SignedCheckpoint } from './checkpoint.js';

@ApiTags('audit')
@ApiBearerAuth()
@Allow(...AUDIT_ROLES)
@Controller('audit')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly signingKey: AuditSigningKey,
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
  ) {}

  @Get('verify')
  @ApiOperation({
    operationId: 'verifyAuditTrail',
    summary: 'Recompute every hash chain and check the store against the latest signed checkpoint',
    description:
      '`valid` is false when any chain is broken (the first broken link is named) or a signed head is missing or changed. ' +
      'The whole store is verified for every caller; a caller granted part of the tree gets the verdict and the counts without the ' +
      'links named, which may lie outside its organizations: it checks the links of its own streams in the audit trail.',
  })
  @ApiOkResponse({ description: 'The verification result' })
  async verify(): Promise<AuditVerification | AuditVerdict> {
    const verification = await this.queries.execute(new VerifyAuditTrail());
    return currentScope() === ALL_ORGANIZATIONS ? verification : verdictOnly(verification);
  }

  @Post('checkpoints')
  @HttpCode(201)
  @WholeTree()
  @ApiOperation({
    operationId: 'createAuditCheckpoint',
    summary: 'Sign the current head of every stream (Ed25519) and keep the checkpoint',
    description: 'It lists every stream: a grant over the whole tree only.',
  })
  @ApiCreatedResponse({ description: 'The signed checkpoint' })
  createCheckpoint(): Promise<SignedCheckpoint> {
    return this.commands.execute(new SignAuditCheckpoint());
  }

  @Get('checkpoints/latest')
  @WholeTree()
  @ApiOperation({
    operationId: 'getLatestAuditCheckpoint',
    summary: 'The latest signed checkpoint, for an auditor to keep outside the system',
    description: 'It lists every stream: a grant over the whole tree only.',
  })
  @ApiOkResponse({ description: 'The signed checkpoint' })
  @ApiNotFoundResponse({ description: 'No checkpoint has been made yet' })
  async latestCheckpoint(): Promise<SignedCheckpoint> {
    const checkpoint = await this.audit.latestCheckpoint();
    if (!checkpoint) throw new ProblemError(404, 'not-found', { reason: 'no-checkpoint' });
    return checkpoint;
  }

  @Get('public-key')
  @ApiOperation({ operationId: 'getAuditPublicKey', summary: 'The public key that verifies checkpoint signatures (SPKI PEM) and its key id' })
  @ApiOkResponse({ description: '{ keyId, publicKeyPem }' })
  publicKey(): { keyId: string; publicKeyPem: string } {
    return { keyId: this.signingKey.key.keyId, publicKeyPem: this.signingKey.key.publicKeyPem };
  }
}
