import type { NestExpressApplication } from '@nestjs/platform-express';
import type pg from 'pg';
import type { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store.js';
import { isolatedDatabase, ISOLATED_SETUP_MS, openStore, testDatabases, type IsolatedDatabase, type TestDatabase } from './databases.js';
import { OwnNatsServer } from './nats.js';
import { createTestApp } from './test-app.js';

/** `describe.each` over the test databases; without a nats-server binary skipped, saying so for `what`. */
export function eachDatabaseWithOwnNats(what: string) {
  if (OwnNatsServer.available()) return describe.each(testDatabases());
  console.warn(`${what} skipped: no nats-server binary to start a server of their own`);
  return describe.skip.each(testDatabases());
}

export interface NatsService {
  readonly isolated: IsolatedDatabase;
  readonly server: OwnNatsServer;
  readonly app: NestExpressApplication;
  readonly pool: pg.Pool;
  readonly store: PostgresEventStore;
}

/**
 * Hooks of a describe block: the service publishing to a NATS server of its own, on a database of its own,
 * and a store beside it. The parts are on the answer once `beforeAll` has run.
 */
export function serviceWithOwnNats(database: TestDatabase): NatsService {
  const service = {} as { -readonly [K in keyof NatsService]: NatsService[K] };
  beforeAll(async () => {
    service.isolated = await isolatedDatabase(database);
    service.server = await OwnNatsServer.create();
    await service.server.start();
    service.app = await createTestApp(service.isolated.url, { NATS_URL: service.server.url });
    ({ pool: service.pool, store: service.store } = openStore(service.isolated.url));
  }, ISOLATED_SETUP_MS);
  afterAll(async () => {
    await service.pool?.end();
    await service.app?.close();
    await service.server?.remove();
    await service.isolated?.drop();
  });
  return service;
}
