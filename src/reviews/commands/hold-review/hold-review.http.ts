import { Body } from '@nestjs/common';
import { CommandRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { StreamRoutes } from '../../../commands/stream-commands.js';
import { IfMatchVersion } from '../../../platform/http/stream-versioning.js';
import { selfCriticismReviews, SelfCriticismReviewsController } from '../../self-criticism-review.resource.js';
import { HoldReviewRequest } from './hold-review.request.js';

@SelfCriticismReviewsController()
export class HoldReviewHttp extends StreamRoutes {
  @CommandRoute(':id/hold', { resource: selfCriticismReviews, command: 'holdReview', summary: 'Hold the review meeting (tổ chức kiểm điểm)' })
  hold(@UuidParam('id') id: string, @IfMatchVersion() version: number | undefined, @Body() request: HoldReviewRequest) {
    return this.commands.run(selfCriticismReviews, id, version, 'holdReview', request);
  }
}
