import { DataSource, type EntityManager } from 'typeorm';
import { poolOptions } from '../database/connections.js';
import { currentReadScope, withScope } from '../database/organization-scope.js';
import type { DatabaseTimeouts } from '../platform/config/app-config.js';
import { ORGANIZATION_HISTORY_ENTITIES } from './organization-history/organization-history.entities.js';

/** The TypeORM data source of the read models: projections write through it and queries read from it. */
export class ReadModels {
  constructor(readonly dataSource: DataSource) {}

  static async open(url: string, poolSize: number, timeouts?: DatabaseTimeouts): Promise<ReadModels> {
    const dataSource = new DataSource({
      type: 'postgres',
      url,
      entities: [...ORGANIZATION_HISTORY_ENTITIES],
      synchronize: false,
      migrationsRun: false,
      logging: false,
      extra: poolOptions(url, { max: poolSize, timeouts }),
    });
    return new ReadModels(await dataSource.initialize());
  }

  /** Reads under row-level security, in the organizations the request's grants cover (none outside a request). */
  read<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return withScope(this.dataSource, currentReadScope(), work);
  }

  /** One statement under `read`'s row-level security. */
  query(sql: string, parameters?: readonly unknown[]): Promise<unknown> {
    return this.read((manager) => manager.query(sql, parameters ? [...parameters] : undefined));
  }

  async close(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
