import { assertNever } from '../../shared/domain/decider.js';
import { endRunning, periodOn, type DatedPeriod } from '../../shared/domain/dated-periods.js';
import type { IsoDate, OrganizationLevel } from '../../shared/domain/vocabulary.js';
import type { BodySucceeded, OrganizationBodyKind, OrganizationEvent } from './organization.events.js';

/** A period in which the organization's committee was empowered to admit members. */
export type AdmissionPower = DatedPeriod;

/** A body's functions handed to a body of another organization from a date, by a decision. */
export type BodySuccession = Omit<BodySucceeded['data'], 'organizationId'>;

export type EstablishedBody = Readonly<{ bodyKind: OrganizationBodyKind; membersCount: number | null; establishedOn: IsoDate }>;

export type OrganizationRecord = Readonly<{
  organizationId: string;
  level: OrganizationLevel;
  parentId: string | null;
  name: string;
  code: string;
  foundedOn: IsoDate;
  bodies: readonly EstablishedBody[];
  /** When its committee was empowered to admit members itself (ủy quyền kết nạp đảng viên). */
  admissionPower: readonly AdmissionPower[];
  /** Functions its bodies handed over (a level abolished, the organization ended). */
  successions: readonly BodySuccession[];
  predecessorIds: readonly string[];
  lastActOn: IsoDate;
}>;

export type OrganizationState =
  | Readonly<{ status: 'not-founded' }>
  | Readonly<{ status: 'active'; organization: OrganizationRecord }>
  | Readonly<{ status: 'merged'; organization: OrganizationRecord; successorId: string }>
  | Readonly<{ status: 'dissolved'; organization: OrganizationRecord; reason: string }>;

export type OrganizationStatus = OrganizationState['status'];

/** Whether the organization's committee was empowered to admit members on a day. */
export function admitsMembersOn(organization: OrganizationRecord, on: IsoDate): boolean {
  return periodOn(organization.admissionPower, on) !== null;
}

export function initialOrganizationState(): OrganizationState {
  return { status: 'not-founded' };
}

export function evolveOrganization(state: OrganizationState, event: OrganizationEvent): OrganizationState {
  if (event.type === 'OrganizationFounded') {
    const { organizationId, level, parentId, name, code, foundedOn } = event.data;
    return {
      status: 'active',
      organization: {
        organizationId,
        level,
        parentId,
        name,
        code,
        foundedOn,
        bodies: [],
        admissionPower: [],
        successions: [],
        predecessorIds: [],
        lastActOn: foundedOn,
      },
    };
  }
  if (event.type === 'BodySucceeded') {
    if (state.status === 'not-founded') return state;
    const { organizationId: _organizationId, ...succession } = event.data;
    return { ...state, organization: { ...state.organization, successions: [...state.organization.successions, succession] } };
  }
  if (state.status !== 'active') return state;
  const organization = state.organization;
  switch (event.type) {
    case 'OrganizationRenamed':
      return { status: 'active', organization: { ...organization, name: event.data.name, lastActOn: event.data.renamedOn } };
    case 'OrganizationMoved':
      return { status: 'active', organization: { ...organization, parentId: event.data.parentId, lastActOn: event.data.movedOn } };
    case 'BodyEstablished': {
      const { bodyKind, membersCount, establishedOn } = event.data;
      const bodies = [...organization.bodies, { bodyKind, membersCount, establishedOn }];
      return { status: 'active', organization: { ...organization, bodies, lastActOn: establishedOn } };
    }
    case 'AdmissionPowerGranted': {
      const admissionPower = [...organization.admissionPower, { from: event.data.grantedOn, until: null }];
      return { status: 'active', organization: { ...organization, admissionPower } };
    }
    case 'AdmissionPowerWithdrawn': {
      const { withdrawnOn } = event.data;
      const admissionPower = endRunning(organization.admissionPower, withdrawnOn);
      return { status: 'active', organization: { ...organization, admissionPower } };
    }
    case 'OrganizationAbsorbed': {
      const predecessorIds = [...organization.predecessorIds, event.data.predecessorId];
      return { status: 'active', organization: { ...organization, predecessorIds, lastActOn: event.data.absorbedOn } };
    }
    case 'OrganizationMerged':
      return { status: 'merged', organization: { ...organization, lastActOn: event.data.mergedOn }, successorId: event.data.successorId };
    case 'OrganizationDissolved':
      return { status: 'dissolved', organization: { ...organization, lastActOn: event.data.dissolvedOn }, reason: event.data.reason };
    default:
      return assertNever(event);
  }
}
