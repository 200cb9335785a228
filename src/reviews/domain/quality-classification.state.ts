import { assertNever } from '../../shared/domain/decider.js';
import type { IsoDate } from '../../shared/domain/vocabulary.js';
import type { QualityClassificationCorrected, QualityClassificationEvent, QualityClassified, QualityRating } from './quality-classification.events.js';

export type QualityClassificationCorrection = Omit<QualityClassificationCorrected['data'], 'subject' | 'year'>;

export type QualityClassificationState =
  | Readonly<{ status: 'not-classified' }>
  | Readonly<{
      status: 'classified';
      classification: QualityClassified['data'];
      /** The rating in force: the original one or the last correction. */
      rating: QualityRating;
      corrections: readonly QualityClassificationCorrection[];
      lastActOn: IsoDate;
    }>;

export type QualityClassificationStatus = QualityClassificationState['status'];

export function initialQualityClassificationState(): QualityClassificationState {
  return { status: 'not-classified' };
}

export function evolveQualityClassification(state: QualityClassificationState, event: QualityClassificationEvent): QualityClassificationState {
  switch (event.type) {
    case 'QualityClassified':
      return { status: 'classified', classification: event.data, rating: event.data.rating, corrections: [], lastActOn: event.data.classifiedOn };
    case 'QualityClassificationCorrected': {
      if (state.status !== 'classified') return state;
      const { subject: _subject, year: _year, ...correction } = event.data;
      return { ...state, rating: correction.rating, corrections: [...state.corrections, correction], lastActOn: correction.correctedOn };
    }
    default:
      return assertNever(event);
  }
}
