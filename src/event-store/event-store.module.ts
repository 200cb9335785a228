import { Global, Module } from '@nestjs/common';
import { Database } from '../database/database.js';
import { Metrics } from '../platform/metrics/metrics.js';
import { Clock, IdGenerator } from '../shared/clock.js';
import { EventSourcedStreams } from './event-sourced-streams.js';
import { EventStore } from './event-store.js';
import { personalDataProviders } from './personal-data/personal-data.providers.js';
import { PostgresEventStore } from './postgres/postgres-event-store.js';
import { UpcasterRegistry } from './upcasters.js';

@Global()
@Module({
  providers: [
    { provide: UpcasterRegistry, useValue: new UpcasterRegistry() },
    {
      provide: EventStore,
      inject: [Database, Clock, IdGenerator, UpcasterRegistry, Metrics],
      useFactory: (database: Database, clock: Clock, ids: IdGenerator, upcasters: UpcasterRegistry, metrics: Metrics) =>
        new PostgresEventStore(database.pool, clock, ids, {
          upcasters,
          onAppended: (request) => metrics.eventsAppended.inc({ stream_type: request.streamType }, request.events.length),
        }),
    },
    ...personalDataProviders,
    EventSourcedStreams,
  ],
  exports: [EventStore, UpcasterRegistry, EventSourcedStreams],
})
export class EventStoreModule {}
