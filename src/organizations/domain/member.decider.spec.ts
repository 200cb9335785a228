import { spec } from '../../shared/domain/decider-spec.js';
import { foldEvents } from '../../shared/domain/decider.js';
import { InvalidInputError, InvalidTransitionError, RuleViolationError } from '../../shared/domain/errors.js';
import type { MemberCommand } from './member.commands.js';
import { allowedMemberCommands, memberDecider, memberMachine, memberStreamId, STREAM_TYPE } from './member.decider.js';
import { ERASURE_GROUNDS, REMOVAL_GROUNDS, type ErasureGround, type MemberEvent, type RemovalGround } from './member.events.js';
import { periodOn } from '../../shared/domain/dated-periods.js';
import { memberFacts, type MemberState } from './member.state.js';

const metadata = { today: '2025-06-30' };
const memberId = 'member-1';

const admission = { memberId, organizationId: 'cell-a', fullName: 'Nguyễn Văn A', birthDate: '1990-05-01', admittedOn: '2023-03-15' };
const admitted: MemberEvent = { type: 'MemberAdmitted', data: admission };
const madeFull: MemberEvent = { type: 'MemberMadeFull', data: { memberId, madeFullOn: '2024-03-15' } };
const seat: MemberEvent = {
  type: 'PostTakenUp',
  data: {
    memberId,
    postId: 'post-1',
    title: 'Ủy viên Ban Chấp hành Đảng bộ huyện',
    organizationId: 'org-binh-xuyen',
    committeeLevel: 'district',
    takenUpOn: '2024-04-01',
  },
};
const died: MemberEvent = { type: 'MemberDied', data: { memberId, diedOn: '2025-01-01' } };

const commands: { [K in MemberCommand['type']]: Extract<MemberCommand, { type: K }> } = {
  admitMember: { type: 'admitMember', data: admission, metadata },
  makeMemberFull: { type: 'makeMemberFull', data: { madeFullOn: '2025-06-10' }, metadata },
  transferMember: { type: 'transferMember', data: { toOrganizationId: 'cell-b', transferredOn: '2025-06-10' }, metadata },
  takeUpPost: {
    type: 'takeUpPost',
    data: { postId: 'post-2', title: 'Bí thư chi bộ', organizationId: 'cell-a', committeeLevel: 'cell', takenUpOn: '2025-06-10' },
    metadata,
  },
  leavePost: { type: 'leavePost', data: { postId: 'post-1', leftOn: '2025-06-10' }, metadata },
  assignCadreManagement: { type: 'assignCadreManagement', data: { committeeOf: 'org-binh-xuyen', assignedOn: '2025-06-10' }, metadata },
  endCadreManagement: { type: 'endCadreManagement', data: { endedOn: '2025-06-10' }, metadata },
  removeFromRoll: { type: 'removeFromRoll', data: { ground: 'no-activity-or-dues-3-months', removedOn: '2025-06-10' }, metadata },
  releaseMember: { type: 'releaseMember', data: { reason: 'Asked to leave', releasedOn: '2025-06-10' }, metadata },
  recordDeath: { type: 'recordDeath', data: { diedOn: '2025-06-10' }, metadata },
  recordExpulsion: { type: 'recordExpulsion', data: { disciplineDecisionId: 'decision-9', expelledOn: '2025-06-10' }, metadata },
  restoreMembership: { type: 'restoreMembership', data: { disciplineDecisionId: 'decision-9', appealId: 'appeal-1', restoredOn: '2025-06-20' }, metadata },
  erasePersonalData: { type: 'erasePersonalData', data: { ground: 'consent-withdrawn', reference: 'Đơn đề nghị ngày 02/06/2025' }, metadata },
};
const erased: MemberEvent = { type: 'PersonalDataErased', data: { memberId, ground: 'consent-withdrawn', reference: 'Đơn đề nghị ngày 02/06/2025' } };

const histories: Record<MemberState['status'], MemberEvent[]> = {
  'not-admitted': [],
  probationary: [admitted, seat],
  full: [admitted, madeFull, seat],
  left: [admitted, madeFull, died],
};
const stateOf = (history: readonly MemberEvent[]) => foldEvents(memberDecider, history);

describe('member stream', () => {
  it('is named member-<id>', () => {
    expect(STREAM_TYPE).toBe('member');
    expect(memberStreamId(memberId)).toBe('member-member-1');
  });

  it('records a member from admission through full membership, transfer and posts to removal from the roll', () => {
    const history: MemberEvent[] = [];
    const run = (command: MemberCommand) => history.push(...memberDecider.decide(command, stateOf(history)));
    run(commands.admitMember);
    run({ type: 'makeMemberFull', data: { madeFullOn: '2024-03-15' }, metadata });
    run({ type: 'takeUpPost', data: { ...commands.takeUpPost.data, postId: 'post-1', takenUpOn: '2024-04-01' }, metadata });
    run({
      type: 'takeUpPost',
      data: { ...commands.takeUpPost.data, postId: 'post-3', committeeLevel: null, title: 'Trưởng phòng', takenUpOn: '2024-04-01' },
      metadata,
    });
    run({ type: 'leavePost', data: { postId: 'post-1', leftOn: '2024-05-01' }, metadata });
    run(commands.transferMember);
    expect(memberFacts(stateOf(history))).toEqual({
      memberId,
      organizationId: 'cell-b',
      membership: 'full',
      onRoll: true,
      posts: [{ postId: 'post-3', title: 'Trưởng phòng', organizationId: 'cell-a', committeeLevel: null, takenUpOn: '2024-04-01' }],
      committeeLevels: [],
      cadreManagement: [],
    });
    run(commands.removeFromRoll);
    expect(history.slice(-2)).toEqual([
      { type: 'PostLeft', data: { memberId, postId: 'post-3', leftOn: '2025-06-10' } },
      { type: 'MemberRemovedFromRoll', data: { memberId, ground: 'no-activity-or-dues-3-months', removedOn: '2025-06-10' } },
    ]);
    expect(stateOf(history)).toMatchObject({ status: 'left', leftBy: 'removed-from-roll', membership: 'full' });
  });

  it('derives the facts discipline needs: membership, committee seats and organization', () => {
    expect(memberFacts(stateOf([]))).toBeNull();
    expect(memberFacts(stateOf(histories.probationary))).toMatchObject({ membership: 'probationary', committeeLevels: ['district'], organizationId: 'cell-a' });
    expect(memberFacts(stateOf(histories.left))).toMatchObject({ membership: 'full', onRoll: false, posts: [] });
  });

  describe('the committee that manages a member as a cadre is a dated fact on the record (Charter art. 36; QĐ 296-QĐ/TW art. 10-11)', () => {
    const assigned: MemberEvent = { type: 'CadreManagementAssigned', data: { memberId, committeeOf: 'org-binh-xuyen', assignedOn: '2024-05-01' } };
    it('records the managing committee from its date, and the facts discipline reads carry it', () => {
      spec(memberDecider)
        .given(histories.full)
        .when({ type: 'assignCadreManagement', data: { committeeOf: 'org-binh-xuyen', assignedOn: '2024-05-01' }, metadata })
        .then([assigned]);
      expect(memberFacts(stateOf([...histories.full, assigned]))?.cadreManagement).toEqual([
        { committeeOf: 'org-binh-xuyen', from: '2024-05-01', until: null },
      ]);
    });
    it('replaces it by a new assignment, and ends it, naming the committee it ends: each period stays on the record with its dates', () => {
      const moved: MemberEvent = { type: 'CadreManagementAssigned', data: { memberId, committeeOf: 'org-vinh-phuc', assignedOn: '2025-01-01' } };
      const ended: MemberEvent = { type: 'CadreManagementEnded', data: { memberId, committeeOf: 'org-vinh-phuc', endedOn: '2025-06-10' } };
      spec(memberDecider)
        .given([...histories.full, assigned, moved])
        .when(commands.endCadreManagement)
        .then([ended]);
      const periods = memberFacts(stateOf([...histories.full, assigned, moved, ended]))!.cadreManagement;
      expect(periods).toEqual([
        { committeeOf: 'org-binh-xuyen', from: '2024-05-01', until: '2025-01-01' },
        { committeeOf: 'org-vinh-phuc', from: '2025-01-01', until: '2025-06-10' },
      ]);
      expect(periodOn(periods, '2024-04-30')).toBeNull();
      expect(periodOn(periods, '2024-12-31')?.committeeOf).toBe('org-binh-xuyen');
      expect(periodOn(periods, '2025-01-01')?.committeeOf).toBe('org-vinh-phuc');
      expect(periodOn(periods, '2025-06-10')).toBeNull();
    });
    it('refuses the committee already managing the member, and an end when none manages', () => {
      spec(memberDecider)
        .given([...histories.full, assigned])
        .when({ type: 'assignCadreManagement', data: { committeeOf: 'org-binh-xuyen', assignedOn: '2025-01-01' }, metadata })
        .thenThrows(InvalidInputError, { details: { field: 'committeeOf', rule: 'changed' } });
      expect(allowedMemberCommands(stateOf(histories.full))).not.toContain('endCadreManagement');
      expect(allowedMemberCommands(stateOf([...histories.full, assigned]))).toContain('endCadreManagement');
    });
    it('is recorded after the fact, before later acts on the record, which it does not hold back', () => {
      const late: MemberEvent = { type: 'CadreManagementAssigned', data: { memberId, committeeOf: 'org-binh-xuyen', assignedOn: '2023-06-01' } };
      spec(memberDecider)
        .given(histories.full)
        .when({ type: 'assignCadreManagement', data: { committeeOf: 'org-binh-xuyen', assignedOn: '2023-06-01' }, metadata })
        .then([late]);
      spec(memberDecider)
        .given([...histories.full, late, { type: 'CadreManagementEnded', data: { memberId, committeeOf: 'org-binh-xuyen', endedOn: '2025-06-20' } }])
        .when(commands.recordExpulsion)
        .then([
          { type: 'PostLeft', data: { memberId, postId: 'post-1', leftOn: '2025-06-10' } },
          { type: 'MemberExpelled', data: { memberId, disciplineDecisionId: 'decision-9', expelledOn: '2025-06-10' } },
        ]);
    });
    it.each([
      ['before the admission', [], '2023-03-01'],
      [
        'before the end of the last period',
        [assigned, { type: 'CadreManagementEnded', data: { memberId, committeeOf: 'org-binh-xuyen', endedOn: '2024-09-01' } }],
        '2024-08-31',
      ],
    ] as [string, MemberEvent[], string][])('refuses an assignment dated %s', (_case, periods, assignedOn) => {
      spec(memberDecider)
        .given([...histories.full, ...periods])
        .when({ type: 'assignCadreManagement', data: { committeeOf: 'org-vinh-phuc', assignedOn }, metadata })
        .thenThrows(InvalidInputError, { details: { field: 'assignedOn', rule: 'not-before-dated-fact' } });
    });
  });

  describe('probation lasts twelve months (Charter art. 5)', () => {
    it('refuses full membership a day before the twelve months end', () => {
      spec(memberDecider)
        .given([admitted])
        .when({ type: 'makeMemberFull', data: { madeFullOn: '2024-03-14' }, metadata })
        .thenThrows(RuleViolationError, {
          code: 'probation-not-completed',
          details: { admittedOn: '2023-03-15', probationEndsOn: '2024-03-15', madeFullOn: '2024-03-14', reference: 'Charter art. 5' },
        });
    });
    it('makes the member full on the day the twelve months end', () => {
      spec(memberDecider)
        .given([admitted])
        .when({ type: 'makeMemberFull', data: { madeFullOn: '2024-03-15' }, metadata })
        .then([madeFull]);
    });
  });

  describe('removal from the roll is on a listed ground (Charter art. 8.1)', () => {
    it.each(REMOVAL_GROUNDS.filter((ground) => ground !== 'probation-not-qualified'))('removes a full member for %s', (ground) => {
      spec(memberDecider)
        .given([admitted, madeFull])
        .when({ type: 'removeFromRoll', data: { ground, removedOn: '2025-06-10' }, metadata })
        .then([{ type: 'MemberRemovedFromRoll', data: { memberId, ground, removedOn: '2025-06-10' } }]);
    });
    it('removes a probationary member not qualified at the end of probation', () => {
      spec(memberDecider)
        .given([admitted])
        .when({ type: 'removeFromRoll', data: { ground: 'probation-not-qualified', removedOn: '2024-03-20' }, metadata })
        .then([{ type: 'MemberRemovedFromRoll', data: { memberId, ground: 'probation-not-qualified', removedOn: '2024-03-20' } }]);
    });
    it('refuses "probation not qualified" for a full member', () => {
      spec(memberDecider)
        .given([admitted, madeFull])
        .when({ type: 'removeFromRoll', data: { ground: 'probation-not-qualified', removedOn: '2025-06-10' }, metadata })
        .thenThrows(RuleViolationError, { code: 'removal-ground-probationary-only', details: { reference: 'Charter art. 8.1' } });
    });
    it('refuses a ground that is not listed', () => {
      spec(memberDecider)
        .given([admitted])
        .when({ type: 'removeFromRoll', data: { ground: 'disliked' as RemovalGround, removedOn: '2025-06-10' }, metadata })
        .thenThrows(InvalidInputError, { details: { field: 'ground', rule: 'removal-ground' } });
    });
  });

  describe('expulsion applies to full members only (Charter art. 35.2; QĐ 69 art. 7)', () => {
    it('records the expulsion of a full member, ending the posts held', () => {
      spec(memberDecider)
        .given(histories.full)
        .when(commands.recordExpulsion)
        .then([
          { type: 'PostLeft', data: { memberId, postId: 'post-1', leftOn: '2025-06-10' } },
          { type: 'MemberExpelled', data: { memberId, disciplineDecisionId: 'decision-9', expelledOn: '2025-06-10' } },
        ]);
    });
    it('refuses the expulsion of a probationary member', () => {
      spec(memberDecider)
        .given(histories.probationary)
        .when(commands.recordExpulsion)
        .thenThrows(RuleViolationError, { code: 'expulsion-full-members-only', details: { reference: 'Charter art. 35.2; QĐ 69-QĐ/TW art. 7' } });
    });
  });

  describe('an annulled expulsion restores membership (QĐ 117-QĐ/TW)', () => {
    const expelled: MemberEvent = { type: 'MemberExpelled', data: { memberId, disciplineDecisionId: 'decision-9', expelledOn: '2025-06-10' } };
    it('restores the expelled member to full membership', () => {
      spec(memberDecider)
        .given([admitted, madeFull, expelled])
        .when(commands.restoreMembership)
        .then([{ type: 'MembershipRestored', data: { memberId, disciplineDecisionId: 'decision-9', appealId: 'appeal-1', restoredOn: '2025-06-20' } }]);
      const restored = stateOf([
        admitted,
        madeFull,
        expelled,
        { type: 'MembershipRestored', data: { memberId, disciplineDecisionId: 'decision-9', appealId: 'appeal-1', restoredOn: '2025-06-20' } },
      ]);
      expect(restored).toMatchObject({ status: 'full', member: { memberId, lastActOn: '2025-06-20' } });
    });
    it('restores only a membership taken by expulsion, not one ended by death, release or removal', () => {
      spec(memberDecider)
        .given(histories.left)
        .when(commands.restoreMembership)
        .thenThrows(InvalidTransitionError, { details: { currentState: 'left', allowedCommands: ['erasePersonalData'] } });
    });
  });

  describe('personal data is erased on a ground of Decree 13/2023/NĐ-CP art. 16.1, once', () => {
    it.each(ERASURE_GROUNDS)('records the erasure on the ground %s, with no personal data in it', (ground) => {
      spec(memberDecider)
        .given(histories.full)
        .when({ ...commands.erasePersonalData, data: { ground, reference: 'Đơn đề nghị ngày 02/06/2025' } })
        .then([{ type: 'PersonalDataErased', data: { memberId, ground, reference: 'Đơn đề nghị ngày 02/06/2025' } }]);
    });
    it('leaves name and birth date null, and the rest of the record as it was', () => {
      const before = stateOf(histories.full) as Extract<MemberState, { status: 'full' }>;
      expect(before.member).toMatchObject({ fullName: 'Nguyễn Văn A', birthDate: '1990-05-01', personalDataErased: false });
      expect(stateOf([...histories.full, erased])).toEqual({
        ...before,
        member: { ...before.member, fullName: null, birthDate: null, personalDataErased: true },
      });
    });
    it('erases the data of a member who has left the roll too', () => {
      expect(stateOf([...histories.left, erased])).toMatchObject({ status: 'left', member: { fullName: null, birthDate: null, personalDataErased: true } });
    });
    it('refuses a second erasure', () => {
      expect(allowedMemberCommands(stateOf([...histories.full, erased]))).not.toContain('erasePersonalData');
      spec(memberDecider)
        .given([...histories.full, erased])
        .when(commands.erasePersonalData)
        .thenThrows(InvalidTransitionError, { details: { command: 'erasePersonalData' } });
    });
    it.each<[string, ErasureGround, string, string]>([
      ['a ground the decree does not list', 'disliked' as ErasureGround, 'Đơn', 'erasure-ground'],
      ['no reference to the request or decision', 'consent-withdrawn', ' ', 'not-blank'],
    ])('refuses %s', (_case, ground, reference, rule) => {
      spec(memberDecider)
        .given(histories.full)
        .when({ ...commands.erasePersonalData, data: { ground, reference } })
        .thenThrows(InvalidInputError, { details: { rule } });
    });
  });

  it('records a release (cho ra khỏi Đảng) with its reason and a death, ending the posts held', () => {
    spec(memberDecider)
      .given(histories.probationary)
      .when(commands.releaseMember)
      .then([
        { type: 'PostLeft', data: { memberId, postId: 'post-1', leftOn: '2025-06-10' } },
        { type: 'MemberReleased', data: { memberId, reason: 'Asked to leave', releasedOn: '2025-06-10' } },
      ]);
    spec(memberDecider)
      .given([admitted])
      .when(commands.recordDeath)
      .then([{ type: 'MemberDied', data: { memberId, diedOn: '2025-06-10' } }]);
  });

  describe('refuses inconsistent input', () => {
    const cases: [string, MemberEvent[], MemberCommand, string, string][] = [
      [
        'a birth date after admission',
        [],
        { ...commands.admitMember, data: { ...commands.admitMember.data, birthDate: '2024-01-01' } },
        'birthDate',
        'before-admission',
      ],
      [
        'an admission in the future',
        [],
        { ...commands.admitMember, data: { ...commands.admitMember.data, admittedOn: '2025-07-01' } },
        'admittedOn',
        'not-in-future',
      ],
      ['a blank name', [], { ...commands.admitMember, data: { ...commands.admitMember.data, fullName: '' } }, 'fullName', 'not-blank'],
      [
        'a transfer to the same organization',
        [admitted],
        { ...commands.transferMember, data: { toOrganizationId: 'cell-a', transferredOn: '2025-06-10' } },
        'toOrganizationId',
        'changed',
      ],
      [
        'a transfer dated before the last act',
        [admitted, madeFull],
        { ...commands.transferMember, data: { toOrganizationId: 'cell-b', transferredOn: '2024-03-14' } },
        'transferredOn',
        'not-before-last-act',
      ],
      [
        'taking up a post already held',
        histories.full,
        { ...commands.takeUpPost, data: { ...commands.takeUpPost.data, postId: 'post-1' } },
        'postId',
        'not-held',
      ],
      ['leaving a post not held', [admitted], commands.leavePost, 'postId', 'held'],
      ['releasing without a reason', [admitted], { ...commands.releaseMember, data: { reason: ' ', releasedOn: '2025-06-10' } }, 'reason', 'not-blank'],
    ];
    it.each(cases)('%s', (_name, history, command, field, rule) => {
      spec(memberDecider).given(history).when(command).thenThrows(InvalidInputError, { details: { field, rule } });
    });
  });

  describe('a member who has left the roll accepts no command but the erasure of personal data; every command out of its state is refused', () => {
    const cases = (Object.keys(histories) as MemberState['status'][]).flatMap((status) =>
      memberMachine.commandTypes.map((type) => [status, type, allowedMemberCommands(stateOf(histories[status])).includes(type)] as const),
    );
    it.each(cases.filter(([, , allowed]) => !allowed))('in %s, refuses %s', (status, type) => {
      spec(memberDecider)
        .given(histories[status])
        .when(commands[type])
        .thenThrows(InvalidTransitionError, {
          details: { command: type, currentState: status, allowedCommands: allowedMemberCommands(stateOf(histories[status])) },
        });
    });
    it.each(cases.filter(([status, type, allowed]) => allowed && !(status === 'probationary' && type === 'recordExpulsion')))(
      'in %s, accepts %s',
      (status, type) => {
        expect(memberDecider.decide(commands[type], stateOf(histories[status])).length).toBeGreaterThan(0);
      },
    );
    it.each<[string, MemberEvent]>([
      ['removed-from-roll', { type: 'MemberRemovedFromRoll', data: { memberId, ground: 'card-returned-or-destroyed', removedOn: '2025-01-01' } }],
      ['released', { type: 'MemberReleased', data: { memberId, reason: 'r', releasedOn: '2025-01-01' } }],
      ['died', died],
      ['expelled', { type: 'MemberExpelled', data: { memberId, disciplineDecisionId: 'd', expelledOn: '2025-01-01' } }],
    ])('allows nothing after leaving (%s), but the annulment of an expulsion and the erasure of personal data', (leftBy, leaving) => {
      const state = stateOf([admitted, madeFull, leaving]);
      expect(state).toMatchObject({ status: 'left', leftBy });
      expect(allowedMemberCommands(state)).toEqual(leftBy === 'expelled' ? ['restoreMembership', 'erasePersonalData'] : ['erasePersonalData']);
    });
  });
});
