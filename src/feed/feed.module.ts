import { Module } from '@nestjs/common';
import { FeedHttp } from './feed.http.js';
import { PublicFeed } from './public-feed.js';

@Module({
  controllers: [FeedHttp],
  providers: [PublicFeed],
  exports: [PublicFeed],
})
export class FeedModule {}
