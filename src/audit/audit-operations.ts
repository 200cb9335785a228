import { Command, CommandHandler, Query, QueryHandler, type ICommandHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Database } from '../database/database.js';
import { currentReadScope } from '../database/organization-scope.js';
import { Clock } from '../shared/clock.js';
import { exportAudit, type AuditExport, type AuditExportRequest } from './audit-export.js';
import { AuditSigningKey } from './audit-signing-key.provider.js';
import { AuditService, type AuditVerification } from './audit.service.js';
import type { SignedCheckpoint } from './checkpoint.js';

/** What the audit routes and the command line both do, on the buses: verify, sign a checkpoint, export. */
export class VerifyAuditTrail extends Query<AuditVerification> {}

export class SignAuditCheckpoint extends Command<SignedCheckpoint> {}

/** The service's own checkpoint on its schedule: none when the latest one already covers the store as it is. */
export class SignScheduledAuditCheckpoint extends Command<SignedCheckpoint | null> {}

/** An organization's events of a period, in the caller's read scope, with the latest checkpoint's statement and a signed manifest. */
export class ExportAuditTrail extends Query<AuditExport> {
  constructor(readonly request: AuditExportRequest) {
    super();
  }
}

@QueryHandler(VerifyAuditTrail)
export class VerifyAuditTrailHandler implements IQueryHandler<VerifyAuditTrail> {
  constructor(private readonly audit: AuditService) {}

  execute(): Promise<AuditVerification> {
    return this.audit.verify();
  }
}

@CommandHandler(SignAuditCheckpoint)
export class SignAuditCheckpointHandler implements ICommandHandler<SignAuditCheckpoint> {
  constructor(private readonly audit: AuditService) {}

  execute(): Promise<SignedCheckpoint> {
    return this.audit.createCheckpoint();
  }
}

@CommandHandler(SignScheduledAuditCheckpoint)
export class SignScheduledAuditCheckpointHandler implements ICommandHandler<SignScheduledAuditCheckpoint> {
  constructor(private readonly audit: AuditService) {}

  execute(): Promise<SignedCheckpoint | null> {
    return this.audit.createCheckpointIfChanged();
  }
}

@QueryHandler(ExportAuditTrail)
export class ExportAuditTrailHandler implements IQueryHandler<ExportAuditTrail> {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
    private readonly signingKey: AuditSigningKey,
    private readonly clock: Clock,
  ) {}

  execute({ request }: ExportAuditTrail): Promise<AuditExport> {
    return exportAudit(this.database.pool, currentReadScope(), this.audit, this.signingKey.key, request, this.clock.now().toISOString());
  }
}

export const AUDIT_OPERATION_HANDLERS = [VerifyAuditTrailHandler, SignAuditCheckpointHandler, SignScheduledAuditCheckpointHandler, ExportAuditTrailHandler];
