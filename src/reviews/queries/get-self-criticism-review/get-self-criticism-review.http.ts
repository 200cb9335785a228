import { QueryRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { StreamRoutes } from '../../../commands/stream-commands.js';
import { selfCriticismReviews, SelfCriticismReviewsController } from '../../self-criticism-review.resource.js';

@SelfCriticismReviewsController()
export class GetSelfCriticismReviewHttp extends StreamRoutes {
  @QueryRoute(':id', { operationId: 'getSelfCriticismReview', summary: 'A self-criticism review (cuộc kiểm điểm)' })
  get(@UuidParam('id') id: string) {
    return this.commands.view(selfCriticismReviews, id);
  }
}
