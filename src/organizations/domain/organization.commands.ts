import type { Command } from '../../shared/domain/decider.js';
import type { IsoDate, OrganizationLevel } from '../../shared/domain/vocabulary.js';
import type { BodyFunction, OrganizationBodyKind } from './organization.events.js';

export type FoundOrganization = Command<
  'foundOrganization',
  { organizationId: string; level: OrganizationLevel; parentId: string | null; name: string; code: string; foundedOn: IsoDate }
>;
export type RenameOrganization = Command<'renameOrganization', { name: string; renamedOn: IsoDate }>;
export type MoveOrganization = Command<'moveOrganization', { parentId: string; movedOn: IsoDate }>;
export type EstablishBody = Command<'establishBody', { bodyKind: OrganizationBodyKind; membersCount?: number | null; establishedOn: IsoDate }>;
export type GrantAdmissionPower = Command<'grantAdmissionPower', { grantedOn: IsoDate }>;
export type WithdrawAdmissionPower = Command<'withdrawAdmissionPower', { withdrawnOn: IsoDate }>;
export type RecordBodySuccession = Command<
  'recordBodySuccession',
  {
    bodyKind: OrganizationBodyKind;
    successor: { organizationId: string; bodyKind: OrganizationBodyKind };
    functions: BodyFunction[];
    succeededOn: IsoDate;
    decision: string;
  }
>;
/** Sent to the predecessor's stream; the same merger is sent as `absorb` to the successor's stream. */
export type MergeInto = Command<'mergeInto', { successorId: string; mergedOn: IsoDate }>;
export type Absorb = Command<'absorb', { predecessorId: string; absorbedOn: IsoDate }>;
export type DissolveOrganization = Command<'dissolveOrganization', { reason: string; dissolvedOn: IsoDate }>;

export type OrganizationCommand =
  | FoundOrganization
  | RenameOrganization
  | MoveOrganization
  | EstablishBody
  | GrantAdmissionPower
  | WithdrawAdmissionPower
  | RecordBodySuccession
  | MergeInto
  | Absorb
  | DissolveOrganization;
