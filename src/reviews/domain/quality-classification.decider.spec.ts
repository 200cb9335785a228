import { spec } from '../../shared/domain/decider-spec.js';
import { foldEvents } from '../../shared/domain/decider.js';
import { InvalidInputError, InvalidTransitionError } from '../../shared/domain/errors.js';
import type { QualityClassificationCommand } from './quality-classification.commands.js';
import {
  allowedQualityClassificationCommands,
  qualityClassificationDecider,
  qualityClassificationId,
  qualityClassificationStreamId,
  STREAM_TYPE,
  streamId,
} from './quality-classification.decider.js';
import type { QualityClassificationEvent } from './quality-classification.events.js';

const metadata = { today: '2025-06-30' };
const subject = { kind: 'member', memberId: 'member-7' } as const;
const body = { organizationId: 'cell-a', bodyKind: 'cell' } as const;

const classify: QualityClassificationCommand = {
  type: 'classifyQuality',
  data: { subject, year: 2024, body, rating: 'good', classifiedOn: '2024-12-20' },
  metadata,
};
const correct: QualityClassificationCommand = {
  type: 'correctClassification',
  data: { rating: 'not-completed', reason: 'Discipline decided for a 2024 violation', correctedOn: '2025-03-01' },
  metadata,
};
const classified: QualityClassificationEvent = { type: 'QualityClassified', data: { subject, year: 2024, body, rating: 'good', classifiedOn: '2024-12-20' } };
const corrected: QualityClassificationEvent = {
  type: 'QualityClassificationCorrected',
  data: { subject, year: 2024, previousRating: 'good', rating: 'not-completed', reason: 'Discipline decided for a 2024 violation', correctedOn: '2025-03-01' },
};

describe('quality classification stream (đánh giá, phân loại chất lượng)', () => {
  it('has one stream per subject and year', () => {
    expect(STREAM_TYPE).toBe('quality-classification');
    expect(qualityClassificationId(subject, 2024)).toBe('member-member-7-2024');
    expect(qualityClassificationStreamId(subject, 2024)).toBe('quality-classification-member-member-7-2024');
    expect(qualityClassificationStreamId({ kind: 'organization', organizationId: 'cell-a' }, 2024)).toBe(streamId('organization-cell-a-2024'));
  });

  it('classifies a subject for a year, then a correction supersedes the rating and keeps the original', () => {
    spec(qualityClassificationDecider).given([]).when(classify).then([classified]);
    spec(qualityClassificationDecider).given([classified]).when(correct).then([corrected]);
    const state = foldEvents(qualityClassificationDecider, [classified, corrected]);
    expect(state).toMatchObject({ status: 'classified', rating: 'not-completed', classification: { rating: 'good' } });
    expect(allowedQualityClassificationCommands(state)).toEqual(['correctClassification']);
  });

  it('supersedes a correction with a further correction, naming the rating it replaces', () => {
    spec(qualityClassificationDecider)
      .given([classified, corrected])
      .when({ type: 'correctClassification', data: { rating: 'completed', reason: 'Discipline annulled on appeal', correctedOn: '2025-05-01' }, metadata })
      .then([
        {
          type: 'QualityClassificationCorrected',
          data: {
            subject,
            year: 2024,
            previousRating: 'not-completed',
            rating: 'completed',
            reason: 'Discipline annulled on appeal',
            correctedOn: '2025-05-01',
          },
        },
      ]);
  });

  it('classifies once: a second classification is refused (correct it instead)', () => {
    spec(qualityClassificationDecider)
      .given([classified])
      .when(classify)
      .thenThrows(InvalidTransitionError, { details: { command: 'classifyQuality', currentState: 'classified', allowedCommands: ['correctClassification'] } });
  });

  it('corrects only what was classified', () => {
    spec(qualityClassificationDecider)
      .given([])
      .when(correct)
      .thenThrows(InvalidTransitionError, {
        details: { command: 'correctClassification', currentState: 'not-classified', allowedCommands: ['classifyQuality'] },
      });
  });

  describe('refuses inconsistent input', () => {
    const cases: [string, QualityClassificationEvent[], QualityClassificationCommand, string, string][] = [
      [
        'a classification dated before the year it rates',
        [],
        { ...classify, data: { ...classify.data, classifiedOn: '2023-12-31' } },
        'classifiedOn',
        'not-before-year-classified',
      ],
      ['a classification dated in the future', [], { ...classify, data: { ...classify.data, classifiedOn: '2025-07-01' } }, 'classifiedOn', 'not-in-future'],
      ['a year that is not a calendar year', [], { ...classify, data: { ...classify.data, year: 24.5 } }, 'year', 'calendar-year'],
      [
        'a correction to the rating already in force',
        [classified],
        { type: 'correctClassification', data: { rating: 'good', reason: 'r', correctedOn: '2025-03-01' }, metadata },
        'rating',
        'changed',
      ],
      [
        'a correction without a reason',
        [classified],
        { type: 'correctClassification', data: { rating: 'excellent', reason: ' ', correctedOn: '2025-03-01' }, metadata },
        'reason',
        'not-blank',
      ],
      [
        'a correction dated before the classification',
        [classified],
        { type: 'correctClassification', data: { rating: 'excellent', reason: 'r', correctedOn: '2024-12-19' }, metadata },
        'correctedOn',
        'not-before-last-act',
      ],
    ];
    it.each(cases)('%s', (_name, history, command, field, rule) => {
      spec(qualityClassificationDecider).given(history).when(command).thenThrows(InvalidInputError, { details: { field, rule } });
    });
  });
});
