import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { ClassifyQualityHttp } from './commands/classify-quality/classify-quality.http.js';
import { ConcludeReviewHttp } from './commands/conclude-review/conclude-review.http.js';
import { CorrectClassificationHttp } from './commands/correct-classification/correct-classification.http.js';
import { HoldReviewHttp } from './commands/hold-review/hold-review.http.js';
import { ScheduleReviewHttp } from './commands/schedule-review/schedule-review.http.js';
import { GetQualityClassificationHttp } from './queries/get-quality-classification/get-quality-classification.http.js';
import { GetSelfCriticismReviewHttp } from './queries/get-self-criticism-review/get-self-criticism-review.http.js';

/** Self-criticism reviews and yearly quality classifications. */
@Module({
  imports: [OrganizationsModule],
  controllers: [
    ScheduleReviewHttp,
    GetSelfCriticismReviewHttp,
    HoldReviewHttp,
    ConcludeReviewHttp,
    ClassifyQualityHttp,
    GetQualityClassificationHttp,
    CorrectClassificationHttp,
  ],
})
export class ReviewsModule {}
