import { Injectable } from '@nestjs/common';
import { PERSONAL_DATA_ROLES } from '../shared/access/policy.js';
import { ALL_ORGANIZATIONS, currentReadScope, currentScope, type OrganizationScope } from '../database/organization-scope.js';
import type { SubjectRef } from '../shared/domain/vocabulary.js';
import { ProblemError } from '../platform/http/problem.js';
import { requestContext } from '../shared/request-context.js';
import { StreamOutOfScopeError } from '../shared/stream-errors.js';
import type { ScopeAnchor, ScopedStream } from './stream-resource.js';

export type { ScopeAnchor } from './stream-resource.js';

/** An anchor's organization and all its superiors, nearest first; empty when unknown. */
export abstract class OrganizationLineage {
  abstract of(anchor: ScopeAnchor): Promise<readonly string[]>;
}

/**
 * Whether the caller's grants (those of the roles the route allows) reach a stream: a grant over the whole
 * tree, or over an organization on the lineage of one of the stream's anchors. A confidential stream must
 * also be reached by a grant that may read confidential cases (src/shared/access/confidentiality.ts), over the
 * organization it is confined to or one above it.
 */
@Injectable()
export class StreamScope {
  constructor(private readonly lineage: OrganizationLineage) {}

  async permits(
    anchors: readonly ScopeAnchor[],
    options: { readonly confidentialTo?: string | null; readonly roles?: readonly string[] } = {},
  ): Promise<boolean> {
    // Outside an HTTP request the service acts on its own behalf (the command line, process steps).
    if (!requestContext.current()) return true;
    if (!(await this.reaches(currentScope(options.roles), anchors))) return false;
    const { confidentialTo = null } = options;
    return confidentialTo === null || this.reaches(currentReadScope().confidentialCases, [{ organizationId: confidentialTo }]);
  }

  private async reaches(scope: OrganizationScope, anchors: readonly ScopeAnchor[]): Promise<boolean> {
    if (scope === ALL_ORGANIZATIONS) return true;
    for (const anchor of anchors) {
      const lineage = await this.lineage.of(anchor);
      if (lineage.some((organizationId) => scope.includes(organizationId))) return true;
    }
    return false;
  }

  /** Whether the caller may see a stream in this state. */
  visible<S>(resource: ScopedStream<S>, state: S): Promise<boolean> {
    return this.permits(resource.scopeOf(state), { confidentialTo: resource.confidentialTo?.(state) ?? null });
  }

  /** Outside the caller's scope a stream answers as if it did not exist: its existence is not given away. */
  async requireVisible<S>(resource: ScopedStream<S>, id: string, state: S): Promise<void> {
    if (!(await this.visible(resource, state))) throw new StreamOutOfScopeError(resource.streamId(id));
  }

  async requireCreatable<S>(resource: ScopedStream<S>, state: S): Promise<void> {
    if (!(await this.visible(resource, state))) {
      throw new ProblemError(403, 'out-of-scope', { reason: 'stream', streamType: resource.streamType });
    }
  }

  /** The one decision on who reads personal fields: a grant of a role in PERSONAL_DATA_ROLES that reaches the stream. */
  permitsPersonalData(anchors: readonly ScopeAnchor[]): Promise<boolean> {
    return this.permits(anchors, { roles: PERSONAL_DATA_ROLES });
  }
}

export function anchorOf(subject: SubjectRef): ScopeAnchor {
  return subject.kind === 'member' ? { memberId: subject.memberId } : { organizationId: subject.organizationId };
}
