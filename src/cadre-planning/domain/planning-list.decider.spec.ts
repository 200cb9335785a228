import { defaultRulebook } from '../../rulebook/rulebook.js';
import { spec } from '../../shared/domain/decider-spec.js';
import { foldEvents } from '../../shared/domain/decider.js';
import { InvalidInputError, InvalidTransitionError, RuleViolationError } from '../../shared/domain/errors.js';
import { removalsOnEffect, restorationsOnAnnulment } from './planning-follow-ups.js';
import type { PlanningListCommand, PlanningStanding } from './planning-list.commands.js';
import { planningListDecider, planningListStreamId, STREAM_TYPE } from './planning-list.decider.js';
import type { PlanningListEvent, PlanningListRef } from './planning-list.events.js';

const metadata = { today: '2020-06-30' };
const list: PlanningListRef = {
  planningListId: 'list-dept-2020',
  organizationId: 'district',
  target: 'department-heads',
  term: { fromYear: 2020, toYear: 2025 },
};
const eligible: PlanningStanding = { eligible: true, barredUntil: null, reason: null };
const approved: PlanningListEvent = { type: 'PlanningListApproved', data: { ...list, approvedOn: '2018-06-15', decision: '215-QĐ/HU' } };
const added: PlanningListEvent = {
  type: 'MemberAddedToPlanning',
  data: { planningListId: list.planningListId, memberId: 'm1', addedOn: '2019-03-01', decision: '301-QĐ/HU', list },
};
const removedForWarning: PlanningListEvent = {
  type: 'MemberRemovedFromPlanning',
  data: {
    planningListId: list.planningListId,
    memberId: 'm1',
    removedOn: '2019-09-10',
    reason: 'discipline',
    decision: '12-QĐ/UBKT',
    disciplineDecisionId: 'case-1',
    list,
  },
};
const add = (data: Partial<Extract<PlanningListCommand, { type: 'addToPlanning' }>['data']> = {}): PlanningListCommand => ({
  type: 'addToPlanning',
  data: { memberId: 'm1', addedOn: '2019-03-01', decision: '301-QĐ/HU', standing: eligible, ...data },
  metadata,
});
const restore = (data: Partial<Extract<PlanningListCommand, { type: 'restoreToPlanning' }>['data']> = {}): PlanningListCommand => ({
  type: 'restoreToPlanning',
  data: { memberId: 'm1', restoredOn: '2020-02-01', disciplineDecisionId: 'case-1', appealId: 'appeal-1', ...data },
  metadata,
});
const stateOf = (history: readonly PlanningListEvent[]) => foldEvents(planningListDecider, history);
const v2022 = defaultRulebook().versionInForce('2022-08-01');

describe('planning list stream (quy hoạch cán bộ)', () => {
  it('is named planning-list-<id>', () => {
    expect(STREAM_TYPE).toBe('planning-list');
    expect(planningListStreamId('x')).toBe('planning-list-x');
  });

  it('approves a list for a term and adds a member to it, each act carrying the list', () => {
    spec(planningListDecider)
      .given([])
      .when({ type: 'approvePlanningList', data: { ...list, approvedOn: '2018-06-15', decision: '215-QĐ/HU' }, metadata })
      .then([approved]);
    spec(planningListDecider).given([approved]).when(add()).then([added]);
    expect(stateOf([approved, added])).toMatchObject({ entries: { m1: { status: 'in-planning', lastActOn: '2019-03-01' } } });
  });

  it('refuses a term that ends before it starts, and any act before the list exists', () => {
    spec(planningListDecider)
      .given([])
      .when({ type: 'approvePlanningList', data: { ...list, term: { fromYear: 2025, toYear: 2020 }, approvedOn: '2018-06-15', decision: 'x' }, metadata })
      .thenThrows(InvalidInputError, { details: { field: 'term.toYear', rule: 'not-before-from' } });
    spec(planningListDecider).given([]).when(add()).thenThrows(InvalidTransitionError);
  });

  it('QĐ 80-QĐ/TW: a member whose planning bar runs on the day is not added; one off the roll neither', () => {
    const barred: PlanningStanding = { eligible: false, barredUntil: '2021-09-10', reason: 'planning-bar' };
    spec(planningListDecider)
      .given([approved])
      .when(add({ standing: barred }))
      .thenThrows(RuleViolationError, { code: 'planning-bar', details: { memberId: 'm1', barredUntil: '2021-09-10', on: '2019-03-01' } });
    spec(planningListDecider)
      .given([approved])
      .when(add({ standing: { eligible: false, barredUntil: null, reason: 'not-on-roll' } }))
      .thenThrows(RuleViolationError, { code: 'planning-bar', details: { reason: 'not-on-roll' } });
  });

  it('adds a member once, on or after the approval, within the term; a member taken off may be added again', () => {
    spec(planningListDecider).given([approved, added]).when(add()).thenThrows(RuleViolationError, { code: 'already-in-planning' });
    spec(planningListDecider)
      .given([approved])
      .when(add({ addedOn: '2018-06-14' }))
      .thenThrows(InvalidInputError, { details: { field: 'addedOn', rule: 'not-before-approval' } });
    spec(planningListDecider)
      .given([approved])
      .when({ ...add({ addedOn: '2026-01-02' }), metadata: { today: '2026-02-01' } })
      .thenThrows(RuleViolationError, { code: 'planning-term-ended', details: { toYear: 2025 } });
    spec(planningListDecider)
      .given([approved, added, removedForWarning])
      .when(add({ addedOn: '2019-09-09' }))
      .thenThrows(InvalidInputError, { details: { field: 'addedOn', rule: 'not-before-last-act' } });
    expect(planningListDecider.decide(add({ addedOn: '2020-01-15' }), stateOf([approved, added, removedForWarning]))).toHaveLength(1);
  });

  it('takes off only a member on the list', () => {
    const remove: PlanningListCommand = {
      type: 'removeFromPlanning',
      data: { memberId: 'm2', removedOn: '2019-05-01', reason: 'standards-not-met', decision: '401-QĐ/HU', disciplineDecisionId: null },
      metadata,
    };
    spec(planningListDecider).given([approved, added]).when(remove).thenThrows(RuleViolationError, { code: 'not-in-planning' });
    expect(planningListDecider.decide({ ...remove, data: { ...remove.data, memberId: 'm1' } }, stateOf([approved, added]))).toMatchObject([
      { type: 'MemberRemovedFromPlanning', data: { memberId: 'm1', reason: 'standards-not-met', disciplineDecisionId: null } },
    ]);
  });

  it('QĐ 117-QĐ/TW: restores only where the annulled sanction took the member off, while the term runs', () => {
    spec(planningListDecider)
      .given([approved, added, removedForWarning])
      .when(restore())
      .then([
        {
          type: 'MemberRestoredToPlanning',
          data: { planningListId: list.planningListId, memberId: 'm1', restoredOn: '2020-02-01', disciplineDecisionId: 'case-1', appealId: 'appeal-1', list },
        },
      ]);
    spec(planningListDecider)
      .given([approved, added, removedForWarning])
      .when(restore({ disciplineDecisionId: 'case-2' }))
      .thenThrows(RuleViolationError, { code: 'not-removed-by-sanction' });
    spec(planningListDecider).given([approved, added]).when(restore()).thenThrows(RuleViolationError, { code: 'not-removed-by-sanction' });
  });
});

describe('planning follow-ups of discipline', () => {
  const sanction = { caseId: 'case-1', memberId: 'm1', form: 'warning' as const, decisionNumber: '12-QĐ/UBKT', effectiveOn: '2019-09-10', version: v2022 };

  it('QĐ 80-QĐ/TW: a sanction that bars planning takes the member off every list they are on, on the day it takes effect', () => {
    const other = stateOf([{ ...approved, data: { ...approved.data, planningListId: 'list-other' } }]);
    expect(removalsOnEffect(sanction, [stateOf([approved, added]), other])).toEqual([
      {
        type: 'removeFromPlanning',
        planningListId: list.planningListId,
        data: { memberId: 'm1', removedOn: '2019-09-10', reason: 'discipline', decision: '12-QĐ/UBKT', disciplineDecisionId: 'case-1' },
      },
    ]);
  });

  it('QĐ 80-QĐ/TW: a sanction recorded after a later act on the list removes on that act’s day', () => {
    const late = { ...sanction, effectiveOn: '2019-01-10' };
    expect(removalsOnEffect(late, [stateOf([approved, added])])).toMatchObject([{ data: { removedOn: '2019-03-01' } }]);
  });

  it('QĐ 117-QĐ/TW: an annulment ordering planning eligibility restored puts the member back on the lists that sanction took them off, while their term runs', () => {
    const removed = stateOf([approved, added, removedForWarning]);
    const order = { caseId: 'case-1', appealId: 'appeal-1', memberId: 'm1', orderedOn: '2020-02-01' };
    expect(restorationsOnAnnulment(order, [removed])).toEqual([
      {
        type: 'restoreToPlanning',
        planningListId: list.planningListId,
        data: { memberId: 'm1', restoredOn: '2020-02-01', disciplineDecisionId: 'case-1', appealId: 'appeal-1' },
      },
    ]);
    expect(restorationsOnAnnulment({ ...order, caseId: 'case-2' }, [removed])).toEqual([]);
    expect(restorationsOnAnnulment({ ...order, orderedOn: '2026-01-05' }, [removed])).toEqual([]);
  });
});
