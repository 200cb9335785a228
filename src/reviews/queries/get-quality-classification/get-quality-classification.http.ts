import { Param } from '@nestjs/common';
import { QueryRoute } from '../../../platform/http/api-routes.js';
import { StreamRoutes } from '../../../commands/stream-commands.js';
import {
  CLASSIFICATION_PATH,
  ClassificationParams,
  classificationId,
  qualityClassifications,
  QualityClassificationsController,
} from '../../quality-classification.resource.js';

@QualityClassificationsController()
export class GetQualityClassificationHttp extends StreamRoutes {
  @QueryRoute(CLASSIFICATION_PATH, {
    operationId: 'getQualityClassification',
    summary: 'The classification of a subject for a year, with its corrections (kết quả xếp loại)',
  })
  get(@Param() params: ClassificationParams) {
    return this.commands.view(qualityClassifications, classificationId(params));
  }
}
