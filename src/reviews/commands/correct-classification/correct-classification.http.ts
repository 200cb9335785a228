import { Body, Param } from '@nestjs/common';
import { CommandRoute } from '../../../platform/http/api-routes.js';
import { StreamRoutes } from '../../../commands/stream-commands.js';
import { IfMatchVersion } from '../../../platform/http/stream-versioning.js';
import {
  CLASSIFICATION_PATH,
  ClassificationParams,
  classificationId,
  qualityClassifications,
  QualityClassificationsController,
} from '../../quality-classification.resource.js';
import { CorrectClassificationRequest } from './correct-classification.request.js';

@QualityClassificationsController()
export class CorrectClassificationHttp extends StreamRoutes {
  @CommandRoute(`${CLASSIFICATION_PATH}/corrections`, {
    resource: qualityClassifications,
    command: 'correctClassification',
    summary: 'Correct a classification; the earlier record stays (điều chỉnh xếp loại)',
  })
  correct(@Param() params: ClassificationParams, @IfMatchVersion() version: number | undefined, @Body() request: CorrectClassificationRequest) {
    return this.commands.run(qualityClassifications, classificationId(params), version, 'correctClassification', request);
  }
}
