import { Injectable } from '@nestjs/common';
import { StreamNotFoundError } from '../shared/stream-errors.js';
import { EventSourcedStreams } from '../event-store/event-sourced-streams.js';
import { OrganizationLineage, type ScopeAnchor } from '../commands/stream-scope.js';
import { members } from './member.resource.js';
import { organizations } from './organization.resource.js';

/** Deepest tree the lineage walks: far beyond the six levels, and a guard against a cycle. */
const MAX_DEPTH = 16;

/** Lineage read from the organization and member streams themselves, so it is never behind a command. */
@Injectable()
export class OrganizationLineageFromStreams extends OrganizationLineage {
  constructor(private readonly streams: EventSourcedStreams) {
    super();
  }

  async of(anchor: ScopeAnchor): Promise<readonly string[]> {
    const lineage: string[] = [];
    let next = 'memberId' in anchor ? await this.organizationOfMember(anchor.memberId) : anchor.organizationId;
    while (next && lineage.length < MAX_DEPTH && !lineage.includes(next)) {
      lineage.push(next);
      next = await this.parentOf(next);
    }
    return lineage;
  }

  private async organizationOfMember(memberId: string): Promise<string | null> {
    const member = await this.loaded(() => this.streams.load(members, members.streamId(memberId), 'withheld'));
    return member && member.state.status !== 'not-admitted' ? member.state.member.organizationId : null;
  }

  private async parentOf(organizationId: string): Promise<string | null> {
    const organization = await this.loaded(() => this.streams.load(organizations, organizations.streamId(organizationId)));
    return organization && organization.state.status !== 'not-founded' ? organization.state.organization.parentId : null;
  }

  private async loaded<T>(load: () => Promise<T>): Promise<T | null> {
    try {
      return await load();
    } catch (error) {
      if (error instanceof StreamNotFoundError) return null;
      throw error;
    }
  }
}
