import { Injectable } from '@nestjs/common';
import { StreamNotFoundError } from '../shared/stream-errors.js';
import { EventSourcedStreams } from '../event-store/event-sourced-streams.js';
import { StreamCommands, StreamRoutes, type StreamResource } from '../commands/stream-commands.js';
import { requireBodyOverSubject, type ActingBody } from '../shared/domain/acting-body.js';
import { anchorOf, OrganizationLineage } from '../commands/stream-scope.js';
import type { Command, Event } from '../shared/domain/decider.js';
import { UnknownReferenceError } from '../shared/domain/errors.js';
import type { SubjectRef } from '../shared/domain/vocabulary.js';
import { toSubjectRef, type SubjectRequest } from '../platform/http/requests/subject.request.js';
import { ORGANIZATION_BODY_KINDS } from './domain/organization.events.js';
import type { OrganizationState } from './domain/organization.state.js';
import { members } from './member.resource.js';
import { organizations } from './organization.resource.js';

/** What other capabilities may ask of organizations and members: that a record they name exists. */
@Injectable()
export class OrganizationDirectory {
  constructor(
    private readonly streams: EventSourcedStreams,
    private readonly lineage: OrganizationLineage,
  ) {}

  requireOrganization(field: string, organizationId: string): Promise<OrganizationState> {
    return this.find(organizations, field, organizationId);
  }

  async requireMembers(field: string, memberIds: readonly string[]): Promise<void> {
    for (const [index, memberId] of memberIds.entries()) await this.requireMember(`${field}[${index}]`, memberId);
  }

  async requireMember(field: string, memberId: string): Promise<void> {
    await this.find(members, field, memberId);
  }

  /**
   * The subject of a request as the domain names it, once it and the acting body (if any) are known to exist
   * and the body's organization is the subject's or one above it.
   */
  async requireParties(request: { readonly subject: SubjectRequest; readonly body?: ActingBody }): Promise<SubjectRef> {
    const subject = toSubjectRef(request.subject);
    if (request.body) await this.requireActingBody('body', request.body);
    await this.requireSubject('subject', subject);
    if (request.body) await this.requireBodyOver('body', request.body, subject);
    return subject;
  }

  async requireBodyOver(field: string, body: ActingBody, subject: SubjectRef): Promise<void> {
    requireBodyOverSubject(field, body, await this.lineage.of(anchorOf(subject)));
  }

  async requireSubject(field: string, subject: SubjectRef): Promise<void> {
    if (subject.kind === 'member') await this.find(members, `${field}.memberId`, subject.memberId);
    else await this.requireOrganization(`${field}.organizationId`, subject.organizationId);
  }

  /** The organization exists and, for a body it elects (committee, commission), has established it. */
  async requireActingBody(field: string, body: ActingBody): Promise<void> {
    const state = await this.requireOrganization(`${field}.organizationId`, body.organizationId);
    const elected = ORGANIZATION_BODY_KINDS.find((kind) => kind === body.bodyKind);
    if (elected && state.status !== 'not-founded' && !state.organization.bodies.some((established) => established.bodyKind === elected)) {
      throw new UnknownReferenceError(`${field}.bodyKind`, elected, elected, body.organizationId);
    }
  }

  private async find<C extends Command, S, E extends Event>(resource: StreamResource<C, S, E>, field: string, id: string): Promise<S> {
    try {
      return (await this.streams.load(resource, resource.streamId(id))).state;
    } catch (error) {
      if (error instanceof StreamNotFoundError) throw new UnknownReferenceError(field, resource.streamType, id);
      throw error;
    }
  }
}

/** Base of a route class that checks the records a request names before running its command. */
@Injectable()
export abstract class ReferencingRoutes extends StreamRoutes {
  constructor(
    commands: StreamCommands,
    protected readonly directory: OrganizationDirectory,
  ) {
    super(commands);
  }
}
