import { spec } from '../../shared/domain/decider-spec.js';
import { InvalidInputError, InvalidTransitionError, RuleViolationError } from '../../shared/domain/errors.js';
import type { OrganizationLevel } from '../../shared/domain/vocabulary.js';
import type { OrganizationCommand } from './organization.commands.js';
import { allowedOrganizationCommands, organizationDecider, organizationMachine, organizationStreamId, STREAM_TYPE } from './organization.decider.js';
import type { OrganizationEvent } from './organization.events.js';
import { admitsMembersOn, type OrganizationState, type OrganizationStatus } from './organization.state.js';
import { foldEvents } from '../../shared/domain/decider.js';

const metadata = { today: '2025-06-30' };
const id = 'org-binh-xuyen';

const founded = (level: OrganizationLevel = 'district'): OrganizationEvent => ({
  type: 'OrganizationFounded',
  data: { organizationId: id, level, parentId: 'org-vinh-phuc', name: 'Đảng bộ huyện Bình Xuyên', code: 'BX', foundedOn: '2015-01-01' },
});
const standingCommittee: OrganizationEvent = {
  type: 'BodyEstablished',
  data: { organizationId: id, bodyKind: 'standing-committee', membersCount: 5, establishedOn: '2020-08-01' },
};
const merged: OrganizationEvent = { type: 'OrganizationMerged', data: { organizationId: id, successorId: 'org-phu-tho', mergedOn: '2025-06-01' } };
const dissolved: OrganizationEvent = { type: 'OrganizationDissolved', data: { organizationId: id, reason: 'Two-tier reform', dissolvedOn: '2025-06-01' } };

const commands: { [K in OrganizationCommand['type']]: Extract<OrganizationCommand, { type: K }> } = {
  foundOrganization: {
    type: 'foundOrganization',
    data: { organizationId: id, level: 'district', parentId: 'org-vinh-phuc', name: 'Đảng bộ huyện Bình Xuyên', code: 'BX', foundedOn: '2015-01-01' },
    metadata,
  },
  renameOrganization: { type: 'renameOrganization', data: { name: 'Đảng bộ Bình Xuyên', renamedOn: '2025-06-10' }, metadata },
  moveOrganization: { type: 'moveOrganization', data: { parentId: 'org-phu-tho', movedOn: '2025-06-10' }, metadata },
  establishBody: { type: 'establishBody', data: { bodyKind: 'inspection-commission', membersCount: 7, establishedOn: '2025-06-10' }, metadata },
  grantAdmissionPower: { type: 'grantAdmissionPower', data: { grantedOn: '2025-06-10' }, metadata },
  withdrawAdmissionPower: { type: 'withdrawAdmissionPower', data: { withdrawnOn: '2025-06-20' }, metadata },
  recordBodySuccession: {
    type: 'recordBodySuccession',
    data: {
      bodyKind: 'standing-committee',
      successor: { organizationId: 'org-vinh-phuc', bodyKind: 'standing-committee' },
      functions: ['appeals'],
      succeededOn: '2025-06-10',
      decision: '1234-QĐ/TU',
    },
    metadata,
  },
  mergeInto: { type: 'mergeInto', data: { successorId: 'org-phu-tho', mergedOn: '2025-06-10' }, metadata },
  absorb: { type: 'absorb', data: { predecessorId: 'org-tam-duong', absorbedOn: '2025-06-10' }, metadata },
  dissolveOrganization: { type: 'dissolveOrganization', data: { reason: 'Two-tier reform', dissolvedOn: '2025-06-10' }, metadata },
};

const histories: Record<OrganizationStatus, OrganizationEvent[]> = {
  'not-founded': [],
  active: [founded('grassroots'), standingCommittee],
  merged: [founded(), standingCommittee, merged],
  dissolved: [founded(), standingCommittee, dissolved],
};

describe('organization stream', () => {
  it('is named organization-<id>', () => {
    expect(STREAM_TYPE).toBe('organization');
    expect(organizationStreamId(id)).toBe('organization-org-binh-xuyen');
  });

  it('records a life from founding through bodies, renaming, moving and merging', () => {
    const history: OrganizationEvent[] = [];
    const run = (command: OrganizationCommand) => {
      const events = organizationDecider.decide(command, foldEvents(organizationDecider, history));
      history.push(...events);
      return events;
    };
    run(commands.foundOrganization);
    run({ type: 'establishBody', data: { bodyKind: 'executive-committee', membersCount: 33, establishedOn: '2020-08-01' }, metadata });
    run({ type: 'establishBody', data: { bodyKind: 'standing-committee', establishedOn: '2020-08-01' }, metadata });
    run({ type: 'establishBody', data: { bodyKind: 'inspection-commission', membersCount: 7, establishedOn: '2020-08-01' }, metadata });
    run(commands.absorb);
    run(commands.renameOrganization);
    run(commands.moveOrganization);
    run(commands.mergeInto);
    expect(history.map((event) => event.type)).toEqual([
      'OrganizationFounded',
      'BodyEstablished',
      'BodyEstablished',
      'BodyEstablished',
      'OrganizationAbsorbed',
      'OrganizationRenamed',
      'OrganizationMoved',
      'OrganizationMerged',
    ]);
    const state = foldEvents(organizationDecider, history);
    expect(state).toMatchObject({
      status: 'merged',
      successorId: 'org-phu-tho',
      organization: { name: 'Đảng bộ Bình Xuyên', parentId: 'org-phu-tho', predecessorIds: ['org-tam-duong'] },
    });
    expect(state.status !== 'not-founded' && state.organization.bodies.map((body) => body.membersCount)).toEqual([33, null, 7]);
  });

  it('records renaming with the previous name, and moving with the previous parent', () => {
    spec(organizationDecider)
      .given([founded()])
      .when(commands.renameOrganization)
      .then([
        {
          type: 'OrganizationRenamed',
          data: { organizationId: id, previousName: 'Đảng bộ huyện Bình Xuyên', name: 'Đảng bộ Bình Xuyên', renamedOn: '2025-06-10' },
        },
      ]);
    spec(organizationDecider)
      .given([founded()])
      .when(commands.moveOrganization)
      .then([{ type: 'OrganizationMoved', data: { organizationId: id, previousParentId: 'org-vinh-phuc', parentId: 'org-phu-tho', movedOn: '2025-06-10' } }]);
  });

  describe('an inspection commission is elected at grassroots level and up, commune-level committees included (Charter art. 30)', () => {
    it.each<OrganizationLevel>(['central', 'province', 'district', 'grassroots'])('establishes one at %s level', (level) => {
      spec(organizationDecider)
        .given([founded(level)])
        .when(commands.establishBody)
        .then([{ type: 'BodyEstablished', data: { organizationId: id, bodyKind: 'inspection-commission', membersCount: 7, establishedOn: '2025-06-10' } }]);
    });
    it.each<OrganizationLevel>(['sub-grassroots', 'cell'])('refuses one at %s level', (level) => {
      spec(organizationDecider)
        .given([founded(level)])
        .when(commands.establishBody)
        .thenThrows(RuleViolationError, { code: 'inspection-commission-level', details: { level, reference: 'Charter art. 30' } });
    });
  });

  it('establishes each body once', () => {
    spec(organizationDecider)
      .given([
        founded(),
        { type: 'BodyEstablished', data: { organizationId: id, bodyKind: 'inspection-commission', membersCount: 7, establishedOn: '2020-08-01' } },
      ])
      .when(commands.establishBody)
      .thenThrows(RuleViolationError, { code: 'body-already-established' });
  });

  describe('only a grassroots committee may be empowered to admit members, a dated fact on its record (Charter art. 4)', () => {
    const granted: OrganizationEvent = { type: 'AdmissionPowerGranted', data: { organizationId: id, grantedOn: '2025-06-10' } };
    it('records the power from its date, and its withdrawal', () => {
      spec(organizationDecider)
        .given([founded('grassroots')])
        .when(commands.grantAdmissionPower)
        .then([granted]);
      const empowered = foldEvents(organizationDecider, [founded('grassroots'), granted]);
      expect(empowered).toMatchObject({ organization: { admissionPower: [{ from: '2025-06-10', until: null }] } });
      expect(allowedOrganizationCommands(empowered)).toContain('withdrawAdmissionPower');
      expect(allowedOrganizationCommands(empowered)).not.toContain('grantAdmissionPower');
      spec(organizationDecider)
        .given([founded('grassroots'), granted])
        .when(commands.withdrawAdmissionPower)
        .then([{ type: 'AdmissionPowerWithdrawn', data: { organizationId: id, withdrawnOn: '2025-06-20' } }]);
      const withdrawn = foldEvents(organizationDecider, [
        founded('grassroots'),
        granted,
        { type: 'AdmissionPowerWithdrawn', data: { organizationId: id, withdrawnOn: '2025-06-20' } },
      ]);
      expect(withdrawn).toMatchObject({ organization: { admissionPower: [{ from: '2025-06-10', until: '2025-06-20' }] } });
      const { organization } = withdrawn as Extract<OrganizationState, { status: 'active' }>;
      expect([admitsMembersOn(organization, '2025-06-09'), admitsMembersOn(organization, '2025-06-10'), admitsMembersOn(organization, '2025-06-20')]).toEqual([
        false,
        true,
        false,
      ]);
      expect(allowedOrganizationCommands(withdrawn)).toContain('grantAdmissionPower');
    });
    it('is recorded after the fact, dated before later acts on the stream, which it does not hold back', () => {
      const moved: OrganizationEvent = {
        type: 'OrganizationMoved',
        data: { organizationId: id, previousParentId: 'org-vinh-phuc', parentId: 'org-phu-tho', movedOn: '2025-06-01' },
      };
      spec(organizationDecider)
        .given([founded('grassroots'), moved])
        .when({ ...commands.grantAdmissionPower, data: { grantedOn: '2024-01-15' } })
        .then([{ type: 'AdmissionPowerGranted', data: { organizationId: id, grantedOn: '2024-01-15' } }]);
      spec(organizationDecider)
        .given([founded('grassroots'), { type: 'AdmissionPowerGranted', data: { organizationId: id, grantedOn: '2025-06-20' } }])
        .when({ ...commands.renameOrganization, data: { name: 'Đảng bộ xã mới', renamedOn: '2025-06-15' } })
        .then([
          {
            type: 'OrganizationRenamed',
            data: { organizationId: id, previousName: 'Đảng bộ huyện Bình Xuyên', name: 'Đảng bộ xã mới', renamedOn: '2025-06-15' },
          },
        ]);
    });
    it.each<OrganizationLevel>(['central', 'province', 'district', 'sub-grassroots', 'cell'])('refuses it at %s level', (level) => {
      spec(organizationDecider)
        .given([founded(level)])
        .when(commands.grantAdmissionPower)
        .thenThrows(RuleViolationError, { code: 'admission-power-level', details: { level, allowedLevels: ['grassroots'], reference: 'Charter art. 4' } });
    });
  });

  it('keeps lineage: the successor records each predecessor it absorbed, once', () => {
    const absorbed: OrganizationEvent = {
      type: 'OrganizationAbsorbed',
      data: { organizationId: id, predecessorId: 'org-tam-duong', absorbedOn: '2025-06-01' },
    };
    spec(organizationDecider)
      .given([founded()])
      .when(commands.absorb)
      .then([{ ...absorbed, data: { ...absorbed.data, absorbedOn: '2025-06-10' } }]);
    spec(organizationDecider)
      .given([founded(), absorbed])
      .when(commands.absorb)
      .thenThrows(InvalidInputError, { details: { field: 'predecessorId', rule: 'not-yet-absorbed' } });
  });

  describe('refuses inconsistent input', () => {
    const cases: [string, OrganizationEvent[], OrganizationCommand, string, string][] = [
      ['its own parent on founding', [], { ...commands.foundOrganization, data: { ...commands.foundOrganization.data, parentId: id } }, 'parentId', 'not-self'],
      ['a blank name', [], { ...commands.foundOrganization, data: { ...commands.foundOrganization.data, name: ' ' } }, 'name', 'not-blank'],
      [
        'a founding date in the future',
        [],
        { ...commands.foundOrganization, data: { ...commands.foundOrganization.data, foundedOn: '2025-07-01' } },
        'foundedOn',
        'not-in-future',
      ],
      [
        'a date that is not a calendar day',
        [founded()],
        { ...commands.renameOrganization, data: { name: 'X', renamedOn: '2023-02-29' } },
        'renamedOn',
        'iso-date',
      ],
      [
        'renaming to the same name',
        [founded()],
        { ...commands.renameOrganization, data: { name: 'Đảng bộ huyện Bình Xuyên', renamedOn: '2025-06-10' } },
        'name',
        'changed',
      ],
      ['moving under itself', [founded()], { ...commands.moveOrganization, data: { parentId: id, movedOn: '2025-06-10' } }, 'parentId', 'not-self'],
      [
        'moving under the same parent',
        [founded()],
        { ...commands.moveOrganization, data: { parentId: 'org-vinh-phuc', movedOn: '2025-06-10' } },
        'parentId',
        'changed',
      ],
      [
        'an act dated before the founding',
        [founded()],
        { ...commands.moveOrganization, data: { parentId: 'org-phu-tho', movedOn: '2014-12-31' } },
        'movedOn',
        'not-before-last-act',
      ],
      [
        'a body of zero members',
        [founded()],
        { ...commands.establishBody, data: { ...commands.establishBody.data, membersCount: 0 } },
        'membersCount',
        'positive-integer',
      ],
      ['merging into itself', [founded()], { ...commands.mergeInto, data: { successorId: id, mergedOn: '2025-06-10' } }, 'successorId', 'not-self'],
      ['absorbing itself', [founded()], { ...commands.absorb, data: { predecessorId: id, absorbedOn: '2025-06-10' } }, 'predecessorId', 'not-self'],
      [
        'dissolving without a reason',
        [founded()],
        { ...commands.dissolveOrganization, data: { reason: '', dissolvedOn: '2025-06-10' } },
        'reason',
        'not-blank',
      ],
    ];
    it.each(cases)('%s', (_name, history, command, field, rule) => {
      spec(organizationDecider).given(history).when(command).thenThrows(InvalidInputError, { code: 'invalid-input', details: { field, rule } });
    });
  });

  describe('a body of an abolished level hands its functions to a successor body, from a date, by a decision (HD 31-HD/BTCTW, 2025)', () => {
    const succeeded: OrganizationEvent = {
      type: 'BodySucceeded',
      data: {
        organizationId: id,
        bodyKind: 'standing-committee',
        successor: { organizationId: 'org-vinh-phuc', bodyKind: 'standing-committee' },
        functions: ['appeals'],
        succeededOn: '2025-06-10',
        decision: '1234-QĐ/TU',
      },
    };
    it('records the succession after the organization was dissolved, and keeps it on its record', () => {
      spec(organizationDecider).given(histories.dissolved).when(commands.recordBodySuccession).then([succeeded]);
      expect(foldEvents(organizationDecider, [...histories.dissolved, succeeded])).toMatchObject({
        status: 'dissolved',
        organization: { successions: [{ bodyKind: 'standing-committee', functions: ['appeals'], succeededOn: '2025-06-10', decision: '1234-QĐ/TU' }] },
      });
    });
    it.each<[string, Partial<Extract<OrganizationCommand, { type: 'recordBodySuccession' }>['data']>, string, string]>([
      ['a body the organization never established', { bodyKind: 'inspection-commission' }, 'bodyKind', 'established'],
      ['itself as successor', { successor: { organizationId: id, bodyKind: 'standing-committee' } }, 'successor.organizationId', 'not-self'],
      ['no function', { functions: [] }, 'functions', 'body-functions'],
      ['a function handed over already', { functions: ['discipline', 'appeals'] }, 'functions', 'not-yet-handed-over'],
      ['no decision', { decision: ' ', functions: ['discipline'] }, 'decision', 'not-blank'],
    ])('refuses %s', (_case, change, field, rule) => {
      spec(organizationDecider)
        .given([...histories.dissolved, succeeded])
        .when({ ...commands.recordBodySuccession, data: { ...commands.recordBodySuccession.data, ...change } })
        .thenThrows(InvalidInputError, { details: { field, rule } });
    });
  });

  describe('a merged or dissolved organization is closed; every command out of its state is refused', () => {
    const statuses = Object.keys(histories) as OrganizationStatus[];
    const cases = statuses.flatMap((status) =>
      organizationMachine.commandTypes.map(
        (type) => [status, type, allowedOrganizationCommands(foldEvents(organizationDecider, histories[status])).includes(type)] as const,
      ),
    );
    it.each(cases)('in %s, %s allowed: %s', (status, type, allowed) => {
      const run = spec(organizationDecider).given(histories[status]).when(commands[type]);
      if (!allowed) {
        run.thenThrows(InvalidTransitionError, {
          code: 'invalid-transition',
          details: { command: type, currentState: status, allowedCommands: allowedOrganizationCommands(foldEvents(organizationDecider, histories[status])) },
        });
      } else {
        expect(organizationDecider.decide(commands[type], foldEvents(organizationDecider, histories[status]))).toHaveLength(1);
      }
    });
    it('allows nothing once merged or dissolved but the record of who took over its bodies’ functions', () => {
      expect(allowedOrganizationCommands(foldEvents(organizationDecider, histories.merged))).toEqual(['recordBodySuccession']);
      expect(allowedOrganizationCommands(foldEvents(organizationDecider, histories.dissolved))).toEqual(['recordBodySuccession']);
    });
  });
});
