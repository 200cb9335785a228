import { assertNever, type Decider } from '../../shared/domain/decider.js';
import { lastBoundary } from '../../shared/domain/dated-periods.js';
import { InvalidInputError, InvalidTransitionError, RuleViolationError } from '../../shared/domain/errors.js';
import { requireActDate, requireDatedFact, requireNotInFuture, requireText } from '../../shared/domain/input.js';
import { transitions } from '../../shared/domain/transitions.js';
import { ORGANIZATION_LEVELS, type OrganizationLevel } from '../../shared/domain/vocabulary.js';
import type { EstablishBody, FoundOrganization, GrantAdmissionPower, OrganizationCommand, RecordBodySuccession } from './organization.commands.js';
import { BODY_FUNCTIONS, ORGANIZATION_BODY_KINDS, type OrganizationEvent } from './organization.events.js';
import { evolveOrganization, initialOrganizationState, type OrganizationRecord, type OrganizationState } from './organization.state.js';

export const ORGANIZATION_STREAM_TYPE = 'organization';
export const STREAM_TYPE = ORGANIZATION_STREAM_TYPE;
export function organizationStreamId(organizationId: string): string {
  return `${ORGANIZATION_STREAM_TYPE}-${organizationId}`;
}
export const streamId = organizationStreamId;

/** A merged or dissolved organization is closed: it accepts only the record of who took over its bodies' functions. */
export const organizationMachine = transitions<OrganizationState>()({
  foundOrganization: ['not-founded'],
  renameOrganization: ['active'],
  moveOrganization: ['active'],
  establishBody: ['active'],
  grantAdmissionPower: ['active'],
  withdrawAdmissionPower: ['active'],
  recordBodySuccession: ['active', 'merged', 'dissolved'],
  mergeInto: ['active'],
  absorb: ['active'],
  dissolveOrganization: ['active'],
});

export type OrganizationCommandType = OrganizationCommand['type'];

/** The admission power is granted to an organization that has none, and withdrawn from one that has it. */
export function allowedOrganizationCommands(state: OrganizationState): OrganizationCommandType[] {
  const allowed = organizationMachine.allowedCommands(state.status);
  if (state.status !== 'active') return allowed;
  const empowered = state.organization.admissionPower.some((period) => period.until === null);
  return allowed.filter((type) => (type === 'grantAdmissionPower' ? !empowered : type === 'withdrawAdmissionPower' ? empowered : true));
}

/**
 * Only a grassroots committee (đảng ủy cơ sở) may be empowered by the committee above it to admit members
 * (Charter art. 4; the authority it adds: QĐ 296-QĐ/TW art. 10-11).
 */
export const ADMISSION_POWER_LEVELS: readonly OrganizationLevel[] = ['grassroots'];

/**
 * Ủy ban kiểm tra: elected by committees from grassroots level up (Charter art. 30); grassroots and, since the
 * 2025 reform, commune-level committees (grassroots here) have one. Cells and sub-grassroots committees do not.
 */
export const INSPECTION_COMMISSION_LEVELS: readonly OrganizationLevel[] = ['central', 'province', 'district', 'grassroots'];

function found(command: FoundOrganization): OrganizationEvent[] {
  const { organizationId, level, parentId, name, code, foundedOn } = command.data;
  requireText('organizationId', organizationId);
  if (!ORGANIZATION_LEVELS.includes(level)) throw new InvalidInputError('level', 'organization-level', { value: level });
  if (parentId === organizationId) throw new InvalidInputError('parentId', 'not-self');
  requireText('name', name);
  requireText('code', code);
  requireNotInFuture('foundedOn', foundedOn, command.metadata.today);
  return [{ type: 'OrganizationFounded', data: { organizationId, level, parentId, name, code, foundedOn } }];
}

function establishBody(command: EstablishBody, organization: OrganizationRecord): OrganizationEvent[] {
  const { bodyKind, establishedOn } = command.data;
  const membersCount = command.data.membersCount ?? null;
  if (!ORGANIZATION_BODY_KINDS.includes(bodyKind)) throw new InvalidInputError('bodyKind', 'organization-body-kind', { value: bodyKind });
  if (membersCount !== null && !(Number.isInteger(membersCount) && membersCount > 0)) {
    throw new InvalidInputError('membersCount', 'positive-integer');
  }
  requireActDate('establishedOn', establishedOn, organization.lastActOn, command.metadata.today);
  if (bodyKind === 'inspection-commission' && !INSPECTION_COMMISSION_LEVELS.includes(organization.level)) {
    throw new RuleViolationError('inspection-commission-level', {
      level: organization.level,
      allowedLevels: INSPECTION_COMMISSION_LEVELS,
      reference: 'Charter art. 30',
    });
  }
  if (organization.bodies.some((body) => body.bodyKind === bodyKind)) {
    throw new RuleViolationError('body-already-established', { bodyKind });
  }
  return [{ type: 'BodyEstablished', data: { organizationId: organization.organizationId, bodyKind, membersCount, establishedOn } }];
}

function grantAdmissionPower(command: GrantAdmissionPower, organization: OrganizationRecord): OrganizationEvent[] {
  const { grantedOn } = command.data;
  if (!ADMISSION_POWER_LEVELS.includes(organization.level)) {
    throw new RuleViolationError('admission-power-level', {
      level: organization.level,
      allowedLevels: ADMISSION_POWER_LEVELS,
      reference: 'Charter art. 4',
    });
  }
  requireDatedFact('grantedOn', grantedOn, lastBoundary(organization.admissionPower) ?? organization.foundedOn, command.metadata.today);
  return [{ type: 'AdmissionPowerGranted', data: { organizationId: organization.organizationId, grantedOn } }];
}

/** A body established here hands each function over once, to a body of another organization. */
function recordBodySuccession(command: RecordBodySuccession, organization: OrganizationRecord): OrganizationEvent[] {
  const { bodyKind, successor, functions, succeededOn, decision } = command.data;
  if (!organization.bodies.some((body) => body.bodyKind === bodyKind)) throw new InvalidInputError('bodyKind', 'established', { value: bodyKind });
  if (!ORGANIZATION_BODY_KINDS.includes(successor.bodyKind)) {
    throw new InvalidInputError('successor.bodyKind', 'organization-body-kind', { value: successor.bodyKind });
  }
  if (successor.organizationId === organization.organizationId) throw new InvalidInputError('successor.organizationId', 'not-self');
  if (functions.length === 0 || functions.some((f) => !BODY_FUNCTIONS.includes(f))) {
    throw new InvalidInputError('functions', 'body-functions', { value: functions });
  }
  const handed = organization.successions.filter((s) => s.bodyKind === bodyKind).flatMap((s) => s.functions);
  const again = functions.find((f) => handed.includes(f));
  if (again) throw new InvalidInputError('functions', 'not-yet-handed-over', { value: again });
  requireText('decision', decision);
  requireDatedFact('succeededOn', succeededOn, organization.foundedOn, command.metadata.today);
  return [
    {
      type: 'BodySucceeded',
      data: { organizationId: organization.organizationId, bodyKind, successor, functions: [...new Set(functions)], succeededOn, decision },
    },
  ];
}

export function decideOrganization(command: OrganizationCommand, state: OrganizationState): OrganizationEvent[] {
  const { today } = command.metadata;
  const allowed = allowedOrganizationCommands(state);
  if (!allowed.includes(command.type)) throw new InvalidTransitionError(command.type, state.status, allowed);
  switch (command.type) {
    case 'foundOrganization':
      organizationMachine.requireState(state, command.type);
      return found(command);
    case 'renameOrganization': {
      const { organization } = organizationMachine.requireState(state, command.type);
      const { name, renamedOn } = command.data;
      requireText('name', name);
      if (name === organization.name) throw new InvalidInputError('name', 'changed', { value: name });
      requireActDate('renamedOn', renamedOn, organization.lastActOn, today);
      const { organizationId, name: previousName } = organization;
      return [{ type: 'OrganizationRenamed', data: { organizationId, previousName, name, renamedOn } }];
    }
    case 'moveOrganization': {
      const { organization } = organizationMachine.requireState(state, command.type);
      const { parentId, movedOn } = command.data;
      requireText('parentId', parentId);
      if (parentId === organization.organizationId) throw new InvalidInputError('parentId', 'not-self');
      if (parentId === organization.parentId) throw new InvalidInputError('parentId', 'changed', { value: parentId });
      requireActDate('movedOn', movedOn, organization.lastActOn, today);
      const { organizationId, parentId: previousParentId } = organization;
      return [{ type: 'OrganizationMoved', data: { organizationId, previousParentId, parentId, movedOn } }];
    }
    case 'establishBody':
      return establishBody(command, organizationMachine.requireState(state, command.type).organization);
    case 'grantAdmissionPower':
      return grantAdmissionPower(command, organizationMachine.requireState(state, command.type).organization);
    case 'withdrawAdmissionPower': {
      const { organization } = organizationMachine.requireState(state, command.type);
      const { withdrawnOn } = command.data;
      requireDatedFact('withdrawnOn', withdrawnOn, organization.admissionPower.at(-1)!.from, today);
      return [{ type: 'AdmissionPowerWithdrawn', data: { organizationId: organization.organizationId, withdrawnOn } }];
    }
    case 'recordBodySuccession':
      return recordBodySuccession(command, organizationMachine.requireState(state, command.type).organization);
    case 'mergeInto': {
      const { organization } = organizationMachine.requireState(state, command.type);
      const { successorId, mergedOn } = command.data;
      requireText('successorId', successorId);
      if (successorId === organization.organizationId) throw new InvalidInputError('successorId', 'not-self');
      requireActDate('mergedOn', mergedOn, organization.lastActOn, today);
      return [{ type: 'OrganizationMerged', data: { organizationId: organization.organizationId, successorId, mergedOn } }];
    }
    case 'absorb': {
      const { organization } = organizationMachine.requireState(state, command.type);
      const { predecessorId, absorbedOn } = command.data;
      requireText('predecessorId', predecessorId);
      if (predecessorId === organization.organizationId) throw new InvalidInputError('predecessorId', 'not-self');
      if (organization.predecessorIds.includes(predecessorId)) {
        throw new InvalidInputError('predecessorId', 'not-yet-absorbed', { value: predecessorId });
      }
      requireActDate('absorbedOn', absorbedOn, organization.lastActOn, today);
      return [{ type: 'OrganizationAbsorbed', data: { organizationId: organization.organizationId, predecessorId, absorbedOn } }];
    }
    case 'dissolveOrganization': {
      const { organization } = organizationMachine.requireState(state, command.type);
      const { reason, dissolvedOn } = command.data;
      requireText('reason', reason);
      requireActDate('dissolvedOn', dissolvedOn, organization.lastActOn, today);
      return [{ type: 'OrganizationDissolved', data: { organizationId: organization.organizationId, reason, dissolvedOn } }];
    }
    default:
      return assertNever(command);
  }
}

export const organizationDecider: Decider<OrganizationCommand, OrganizationState, OrganizationEvent> = {
  decide: decideOrganization,
  evolve: evolveOrganization,
  initialState: initialOrganizationState,
};
