import { requireActingBody } from '../../shared/domain/acting-body.js';
import { assertNever, type Decider } from '../../shared/domain/decider.js';
import { InvalidInputError } from '../../shared/domain/errors.js';
import { requireActDate, requireNotBefore, requireNotInFuture, requireSubject, requireText } from '../../shared/domain/input.js';
import { transitions } from '../../shared/domain/transitions.js';
import type { SubjectRef } from '../../shared/domain/vocabulary.js';
import type { ClassifyQuality, QualityClassificationCommand } from './quality-classification.commands.js';
import { QUALITY_RATINGS, type QualityClassificationEvent, type QualityRating } from './quality-classification.events.js';
import { evolveQualityClassification, initialQualityClassificationState, type QualityClassificationState } from './quality-classification.state.js';

export const QUALITY_CLASSIFICATION_STREAM_TYPE = 'quality-classification';
export const STREAM_TYPE = QUALITY_CLASSIFICATION_STREAM_TYPE;

/** One classification per subject and year, so its id is derived from them: `member-<id>-2024`. */
export function qualityClassificationId(subject: SubjectRef, year: number): string {
  const subjectId = subject.kind === 'member' ? subject.memberId : subject.organizationId;
  return `${subject.kind}-${subjectId}-${year}`;
}
export function streamId(classificationId: string): string {
  return `${QUALITY_CLASSIFICATION_STREAM_TYPE}-${classificationId}`;
}
export function qualityClassificationStreamId(subject: SubjectRef, year: number): string {
  return streamId(qualityClassificationId(subject, year));
}

/** Classified once; a later change is a correction that supersedes, never an edit. */
export const qualityClassificationMachine = transitions<QualityClassificationState>()({
  classifyQuality: ['not-classified'],
  correctClassification: ['classified'],
});

export type QualityClassificationCommandType = QualityClassificationCommand['type'];

export function allowedQualityClassificationCommands(state: QualityClassificationState): QualityClassificationCommandType[] {
  return qualityClassificationMachine.allowedCommands(state.status);
}

function requireRating(rating: QualityRating): void {
  if (!QUALITY_RATINGS.includes(rating)) throw new InvalidInputError('rating', 'quality-rating', { value: rating });
}

function classify(command: ClassifyQuality): QualityClassificationEvent[] {
  const { subject, year, body, rating, classifiedOn } = command.data;
  requireSubject('subject', subject);
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new InvalidInputError('year', 'calendar-year', { value: year });
  requireActingBody('body', body);
  requireRating(rating);
  requireNotInFuture('classifiedOn', classifiedOn, command.metadata.today);
  requireNotBefore('classifiedOn', classifiedOn, `${year}-01-01`, 'year-classified');
  return [{ type: 'QualityClassified', data: { subject, year, body, rating, classifiedOn } }];
}

export function decideQualityClassification(command: QualityClassificationCommand, state: QualityClassificationState): QualityClassificationEvent[] {
  switch (command.type) {
    case 'classifyQuality':
      qualityClassificationMachine.requireState(state, command.type);
      return classify(command);
    case 'correctClassification': {
      const current = qualityClassificationMachine.requireState(state, command.type);
      const { rating, reason, correctedOn } = command.data;
      requireRating(rating);
      if (rating === current.rating) throw new InvalidInputError('rating', 'changed', { value: rating });
      requireText('reason', reason);
      requireActDate('correctedOn', correctedOn, current.lastActOn, command.metadata.today);
      const { subject, year } = current.classification;
      return [{ type: 'QualityClassificationCorrected', data: { subject, year, previousRating: current.rating, rating, reason, correctedOn } }];
    }
    default:
      return assertNever(command);
  }
}

export const qualityClassificationDecider: Decider<QualityClassificationCommand, QualityClassificationState, QualityClassificationEvent> = {
  decide: decideQualityClassification,
  evolve: evolveQualityClassification,
  initialState: initialQualityClassificationState,
};
