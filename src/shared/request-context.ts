import { AsyncLocalStorage } from 'node:async_hooks';
import type { Role } from './access/principal.js';

/** A role and the organization it is granted over; null: the whole tree. */
export interface OrganizationGrant {
  readonly role: Role;
  readonly organizationId: string | null;
}

/** Who is asking and under which request: the source of the server-set event metadata. */
export class RequestContext {
  private authenticatedActor: string | undefined;
  private authenticatedGrants: readonly OrganizationGrant[] = [];

  constructor(
    readonly requestId: string,
    readonly correlationId: string,
  ) {}

  /** The caller the token names; set once the token is verified. */
  get actor(): string {
    return this.authenticatedActor ?? 'anonymous';
  }

  /** What the caller's token grants, over which organizations: the scope of its read-model queries. */
  get grants(): readonly OrganizationGrant[] {
    return this.authenticatedGrants;
  }

  authenticate(actor: string, grants: readonly OrganizationGrant[] = []): void {
    this.authenticatedActor = actor;
    this.authenticatedGrants = grants;
  }
}

const storage = new AsyncLocalStorage<RequestContext>();

export const requestContext = {
  run<T>(context: RequestContext, work: () => T): T {
    return storage.run(context, work);
  },
  current(): RequestContext | undefined {
    return storage.getStore();
  },
};
