import { SetMetadata } from '@nestjs/common';
import { ROLES, type Role } from './principal.js';

export const PUBLIC_ROUTE = 'disciplina:public';
export const ALLOWED_ROLES = 'disciplina:roles';
export const WHOLE_TREE_ROUTE = 'disciplina:whole-tree';
export const PASSWORD_CHANGE_ROUTE = 'disciplina:password-change';

/** Open without a token: health, metrics, login. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The roles that may call a route. A route without this (and not public) is refused to everyone. */
export const Allow = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

/** Only a grant over the whole tree (of a role the route allows) may call it: its answer covers every organization. */
export const WholeTree = () => SetMetadata(WHOLE_TREE_ROUTE, true);

/** Open to an account whose password must change before anything else (the only route its token may call). */
export const PasswordChange = () => SetMetadata(PASSWORD_CHANGE_ROUTE, true);

/** Reading is open to every role but `integration`, whose accounts read the public feed only; each route still declares it. */
export const ANY_ROLE: readonly Role[] = ROLES.filter((role) => role !== 'integration');
/** Recording acts: the officers of the bodies. */
export const OFFICER_ROLES: readonly Role[] = ['administrator', 'discipline-officer'];
/** Inspection and supervision steps: the officers and the inspection team members. */
export const FIELDWORK_ROLES: readonly Role[] = [...OFFICER_ROLES, 'inspector'];
/** Verifying, replaying and exporting the record. */
export const AUDIT_ROLES: readonly Role[] = ['administrator', 'auditor'];
/**
 * Who reads personal fields (name, birth date) of the members their grants reach: those who record acts on
 * them. Inspectors, auditors and viewers work from ids and the record without them (data minimisation,
 * Decree 13/2023/NĐ-CP art. 3).
 */
export const PERSONAL_DATA_ROLES: readonly Role[] = OFFICER_ROLES;
/** Managing accounts and their grants, within the administrator's subtree. */
export const ACCOUNT_ADMIN_ROLES: readonly Role[] = ['administrator'];
/** Erasing a data subject's personal data for good. */
export const ERASURE_ROLES: readonly Role[] = ['administrator'];
/** The public integration feed: consumer accounts, and administrators who look at what they are sent. */
export const FEED_ROLES: readonly Role[] = ['administrator', 'integration'];
