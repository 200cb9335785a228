import { Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { AccountsModule } from './accounts/accounts.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { DatabaseModule } from './database/database.module.js';
import { CadrePlanningModule } from './cadre-planning/cadre-planning.module.js';
import { DisciplineModule } from './discipline/discipline.module.js';
import { EventStoreModule } from './event-store/event-store.module.js';
import { FeedModule } from './feed/feed.module.js';
import { InspectionsModule } from './inspections/inspections.module.js';
import { OrganizationsModule } from './organizations/organizations.module.js';
import { AppConfig } from './platform/config/app-config.js';
import { HealthController } from './platform/health/health.controller.js';
import { IdempotencyInterceptor } from './commands/idempotency.js';
import { LoggingModule } from './platform/logging/logging.module.js';
import { MetricsController } from './platform/metrics/metrics.controller.js';
import { HttpMetricsMiddleware } from './platform/metrics/metrics.js';
import { StreamCommandsModule } from './commands/stream-commands.js';
import { PlatformModule } from './platform/platform.module.js';
import { ProjectionsModule } from './projections/projections.module.js';
import { PublisherModule } from './publisher/publisher.module.js';
import { ReviewsModule } from './reviews/reviews.module.js';
import { SupervisionsModule } from './supervisions/supervisions.module.js';

@Module({})
export class AppModule implements NestModule {
  /** The one composition root: the service, and (without projection runners) every command-line process. */
  static forRoot(config: AppConfig, process: { readonly runsProjections: boolean } = { runsProjections: true }): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(config),
        LoggingModule,
        CqrsModule.forRoot(),
        DatabaseModule,
        EventStoreModule,
        AuthModule,
        ProjectionsModule.forRoot({ enabled: process.runsProjections }),
        AuditModule.forRoot({ signsOnSchedule: process.runsProjections }),
        StreamCommandsModule,
        OrganizationsModule,
        InspectionsModule,
        SupervisionsModule,
        ReviewsModule,
        DisciplineModule,
        CadrePlanningModule,
        FeedModule,
        PublisherModule.forRoot({ enabled: process.runsProjections }),
        AccountsModule,
      ],
      controllers: [HealthController, MetricsController],
      providers: [{ provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor }],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*path');
  }
}
