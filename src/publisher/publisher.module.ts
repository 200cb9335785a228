import { Module, type DynamicModule } from '@nestjs/common';
import { PublisherController } from './publisher.controller.js';
import { PublisherEnabled, PublisherService } from './publisher.service.js';

@Module({})
export class PublisherModule {
  static forRoot(publishing: PublisherEnabled): DynamicModule {
    return { module: PublisherModule, controllers: [PublisherController], providers: [PublisherService, { provide: PublisherEnabled, useValue: publishing }] };
  }
}
