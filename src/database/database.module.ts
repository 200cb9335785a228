import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../platform/config/app-config.js';
import { Readiness } from '../platform/health/readiness.js';
import { Database } from './database.js';

@Global()
@Module({
  providers: [
    {
      provide: Database,
      inject: [AppConfig],
      useFactory: async (config: AppConfig) => {
        const database = await Database.open(config);
        const logger = new Logger('Database');
        logger.log(`Using ${database.description}`);
        const notInForce = await database.wallsNotInForce();
        if (notInForce && database.kind === 'postgres') logger.warn(`Database walls not in force: ${notInForce}`);
        else if (notInForce) logger.log(`Database walls not in force: ${notInForce}`);
        return database;
      },
    },
    { provide: Readiness, useExisting: Database },
  ],
  exports: [Database, Readiness],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(Database) private readonly database: Database) {}

  async onApplicationShutdown(): Promise<void> {
    await this.database.close();
  }
}
