import type { RecordExpulsion, RestoreMembership } from '../../organizations/domain/member.commands.js';
import type { AppealFile } from './appeal.decider.js';
import type { AppealEvent, SanctionAnnulled, SanctionChanged, SanctionUpheld } from './appeal.events.js';
import type { RecordAppealOutcome } from './discipline-case.commands.js';
import type { CaseFile, IssuedDecision } from './discipline-case.decider.js';
import type { DisciplineCaseEvent } from './discipline-case.events.js';

type SanctionDecided = SanctionUpheld | SanctionChanged | SanctionAnnulled;

/** A command another stream must record because of events just decided on this one. */
export type FollowUp =
  | Readonly<{ type: 'recordAppealOutcome'; caseId: string; data: RecordAppealOutcome['data'] }>
  | Readonly<{ type: 'recordExpulsion'; memberId: string; data: RecordExpulsion['data'] }>
  | Readonly<{ type: 'restoreMembership'; memberId: string; data: RestoreMembership['data'] }>;

/** An expulsion that takes effect ends the membership on the member's own record (Charter art. 39 cl. 6). */
export function effectFollowUps(file: CaseFile, decision: IssuedDecision, events: readonly DisciplineCaseEvent[]): FollowUp[] {
  if (decision.form !== 'expulsion' || file.subject.kind !== 'member') return [];
  const { memberId } = file.subject;
  return events.flatMap((event): FollowUp[] =>
    event.type === 'DisciplineDecisionAnnounced'
      ? [{ type: 'recordExpulsion', memberId, data: { disciplineDecisionId: file.caseId, expelledOn: event.data.effectiveOn } }]
      : [],
  );
}

/**
 * What an appeal decision changes outside the appeal: the case records the outcome (uphold, change, annul;
 * not a referral upward, which leaves the appeal pending), and an annulled expulsion gives membership back
 * (QĐ 117-QĐ/TW). The other restoration items have no record of their own here: they stay on the appeal stream.
 */
export function appealOutcomeFollowUps(appeal: AppealFile, events: readonly AppealEvent[]): FollowUp[] {
  const caseId = appeal.sanction.caseId;
  const outcome = (decided: SanctionDecided, data: Pick<RecordAppealOutcome['data'], 'outcome' | 'form'>): FollowUp => ({
    type: 'recordAppealOutcome',
    caseId,
    data: { appealId: appeal.appealId, announcedOn: decided.data.announcedOn ?? decided.data.decidedOn, ...data },
  });
  return events.flatMap((event): FollowUp[] => {
    switch (event.type) {
      case 'SanctionUpheld':
        return [outcome(event, { outcome: 'upheld', form: null })];
      case 'SanctionChanged':
        return [outcome(event, { outcome: 'changed', form: event.data.toForm })];
      case 'SanctionAnnulled':
        return [outcome(event, { outcome: 'annulled', form: null })];
      case 'RestorationOrdered':
        return event.data.item === 'party-membership' && event.data.subject.kind === 'member'
          ? [
              {
                type: 'restoreMembership',
                memberId: event.data.subject.memberId,
                data: { disciplineDecisionId: caseId, appealId: appeal.appealId, restoredOn: event.data.orderedOn },
              },
            ]
          : [];
      case 'AppealFiled':
      case 'AppealReferredUpward':
        return [];
    }
  });
}
