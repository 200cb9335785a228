import { Type } from 'class-transformer';
import { ResourceController } from '../platform/http/api-routes.js';
import { EnumField, IntField, UuidField } from '../platform/http/request-fields.js';
import type { StreamResource } from '../commands/stream-commands.js';
import type { SubjectRef } from '../shared/domain/vocabulary.js';
import type { QualityClassificationCommand } from './domain/quality-classification.commands.js';
import {
  allowedQualityClassificationCommands,
  qualityClassificationDecider,
  qualityClassificationId,
  qualityClassificationMachine,
  STREAM_TYPE,
  streamId,
} from './domain/quality-classification.decider.js';
import { QUALITY_CLASSIFICATION_ACT_DATES, type QualityClassificationEvent } from './domain/quality-classification.events.js';
import type { QualityClassificationState } from './domain/quality-classification.state.js';

/** Addressed by subject and year, one classification each; the id is derived from them (`member-<id>-2024`). */
export const qualityClassifications: StreamResource<QualityClassificationCommand, QualityClassificationState, QualityClassificationEvent> = {
  streamType: STREAM_TYPE,
  decider: qualityClassificationDecider,
  actDates: QUALITY_CLASSIFICATION_ACT_DATES,
  streamId,
  allowedCommands: allowedQualityClassificationCommands,
  acceptedIn: qualityClassificationMachine.acceptedIn,
  scopeOf: (state) => (state.status === 'not-classified' ? [] : [{ organizationId: state.classification.body.organizationId }]),
};

export const QualityClassificationsController = () => ResourceController('quality-classifications', 'Quality classifications — đánh giá, xếp loại chất lượng');

export const CLASSIFICATION_PATH = ':subjectKind/:subjectId/:year';

/** The path that names a classification: subject kind and id, and the year classified. */
export class ClassificationParams {
  @EnumField(['organization', 'member'] as const, 'member')
  subjectKind!: SubjectRef['kind'];

  @UuidField('9d4c2b1a-8e7f-4a6b-9c5d-3e2f1a0b9c8d')
  subjectId!: string;

  @Type(() => Number)
  @IntField(2024, { min: 1930, max: 9999 })
  year!: number;
}

export function classificationId({ subjectKind, subjectId, year }: ClassificationParams): string {
  const subject: SubjectRef = subjectKind === 'member' ? { kind: 'member', memberId: subjectId } : { kind: 'organization', organizationId: subjectId };
  return qualityClassificationId(subject, year);
}
