import { Body } from '@nestjs/common';
import { CommandRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { StreamRoutes } from '../../../commands/stream-commands.js';
import { IfMatchVersion } from '../../../platform/http/stream-versioning.js';
import { selfCriticismReviews, SelfCriticismReviewsController } from '../../self-criticism-review.resource.js';
import { ConcludeReviewRequest } from './conclude-review.request.js';

@SelfCriticismReviewsController()
export class ConcludeReviewHttp extends StreamRoutes {
  @CommandRoute(':id/conclude', { resource: selfCriticismReviews, command: 'concludeReview', summary: 'Conclude the review (kết luận kiểm điểm)' })
  conclude(@UuidParam('id') id: string, @IfMatchVersion() version: number | undefined, @Body() request: ConcludeReviewRequest) {
    return this.commands.run(selfCriticismReviews, id, version, 'concludeReview', request);
  }
}
