import { Module, type DynamicModule } from '@nestjs/common';
import { AppConfig } from '../platform/config/app-config.js';
import { AuditController } from './audit.controller.js';
import { AUDIT_OPERATION_HANDLERS } from './audit-operations.js';
import { AuditService } from './audit.service.js';
import { AuditTrailHttp } from './audit-trail.http.js';
import { AuditWitness } from './audit-witness.js';
import { auditSigningKeyProvider } from './audit-signing-key.provider.js';
import { CheckpointSchedule, CheckpointScheduleEnabled } from './checkpoint-schedule.js';

@Module({})
export class AuditModule {
  static forRoot(options: { readonly signsOnSchedule: boolean }): DynamicModule {
    return {
      module: AuditModule,
      controllers: [AuditController, AuditTrailHttp],
      providers: [
        AuditService,
        auditSigningKeyProvider,
        { provide: AuditWitness, inject: [AppConfig], useFactory: (config: AppConfig) => new AuditWitness(config.auditWitnessDir) },
        { provide: CheckpointScheduleEnabled, useValue: { enabled: options.signsOnSchedule } },
        CheckpointSchedule,
        ...AUDIT_OPERATION_HANDLERS,
      ],
      exports: [AuditService],
    };
  }
}
