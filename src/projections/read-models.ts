import { DataSource, type EntityManager } from 'typeorm';
import { currentReadScope, withScope, type ReadScope } from '../database/organization-scope.js';
import { ORGANIZATION_HISTORY_ENTITIES } from './organization-history/organization-history.entities.js';

/**
 * The TypeORM data source of the read models: projections write through it and queries read from it, in
 * the scope of their reader: the request's grants in the service, a scope the caller names elsewhere.
 */
export class ReadModels {
  constructor(
    readonly dataSource: DataSource,
    readonly scope: () => ReadScope = currentReadScope,
  ) {}

  static async open(url: string, poolSize: number, scope?: () => ReadScope): Promise<ReadModels> {
    const dataSource = new DataSource({
      type: 'postgres',
      url,
      entities: [...ORGANIZATION_HISTORY_ENTITIES],
      synchronize: false,
      migrationsRun: false,
      logging: false,
      extra: { max: poolSize },
    });
    return new ReadModels(await dataSource.initialize(), scope);
  }

  /** Reads under row-level security, in the reader's scope (by default the request's; none outside a request). */
  read<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return withScope(this.dataSource, this.scope(), work);
  }

  /** One statement under `read`'s row-level security. */
  query(sql: string, parameters?: readonly unknown[]): Promise<unknown> {
    return this.read((manager) => manager.query(sql, parameters ? [...parameters] : undefined));
  }

  async close(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
