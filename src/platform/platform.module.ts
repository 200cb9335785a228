import { Global, Module, type DynamicModule } from '@nestjs/common';
import { ServiceCalendar } from '../shared/calendar.js';
import { Clock, IdGenerator, RandomIdGenerator, SystemClock } from '../shared/clock.js';
import { AppConfig } from './config/app-config.js';
import { Metrics } from './metrics/metrics.js';

/** What every module may inject: configuration, the clock and its calendar, the id generator, metrics. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: PlatformModule,
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: Clock, useClass: SystemClock },
        { provide: ServiceCalendar, inject: [Clock], useFactory: (clock: Clock) => new ServiceCalendar(clock, config.timeZone) },
        { provide: IdGenerator, useClass: RandomIdGenerator },
        Metrics,
      ],
      exports: [AppConfig, Clock, ServiceCalendar, IdGenerator, Metrics],
    };
  }
}
