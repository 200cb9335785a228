import { Body } from '@nestjs/common';
import { ReferencingRoutes } from '../../../organizations/organization-directory.js';
import { CreationRoute } from '../../../platform/http/api-routes.js';
import { qualityClassificationId } from '../../domain/quality-classification.decider.js';
import { qualityClassifications, QualityClassificationsController } from '../../quality-classification.resource.js';
import { ClassifyQualityRequest } from './classify-quality.request.js';

@QualityClassificationsController()
export class ClassifyQualityHttp extends ReferencingRoutes {
  /** A subject is classified once a year: a second classification is a 409; change it by a correction. */
  @CreationRoute('', {
    resource: qualityClassifications,
    command: 'classifyQuality',
    summary: 'Classify the quality of an organization or member for a year (xếp loại chất lượng)',
  })
  async classify(@Body() request: ClassifyQualityRequest) {
    const subject = await this.directory.requireParties(request);
    return this.commands.create(qualityClassifications, qualityClassificationId(subject, request.year), 'classifyQuality', { ...request, subject });
  }
}
