import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller.js';
import { AUDIT_OPERATION_HANDLERS } from './audit-operations.js';
import { AuditService } from './audit.service.js';
import { AuditTrailHttp } from './audit-trail.http.js';
import { auditSigningKeyProvider } from './audit-signing-key.provider.js';

@Module({
  controllers: [AuditController, AuditTrailHttp],
  providers: [AuditService, auditSigningKeyProvider, ...AUDIT_OPERATION_HANDLERS],
  exports: [AuditService],
})
export class AuditModule {}
