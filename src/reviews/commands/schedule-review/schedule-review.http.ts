import { Body } from '@nestjs/common';
import { ReferencingRoutes } from '../../../organizations/organization-directory.js';
import { CreationRoute } from '../../../platform/http/api-routes.js';
import { selfCriticismReviews, SelfCriticismReviewsController } from '../../self-criticism-review.resource.js';
import { ScheduleReviewRequest } from './schedule-review.request.js';

@SelfCriticismReviewsController()
export class ScheduleReviewHttp extends ReferencingRoutes {
  @CreationRoute('', {
    resource: selfCriticismReviews,
    command: 'scheduleReview',
    summary: 'Schedule a self-criticism review (kiểm điểm tự phê bình và phê bình)',
  })
  async schedule(@Body() request: ScheduleReviewRequest) {
    const subject = await this.directory.requireParties(request);
    return this.commands.createNew(selfCriticismReviews, 'scheduleReview', (reviewId) => ({ ...request, reviewId, subject }));
  }
}
