import { Injectable } from '@nestjs/common';
import { StreamNotFoundError } from '../shared/stream-errors.js';
import { EventSourcedStreams } from '../event-store/event-sourced-streams.js';
import { EventStore } from '../event-store/event-store.js';
import { inspections } from '../inspections/inspection.resource.js';
import { memberFacts } from '../organizations/domain/member.state.js';
import { periodOn } from '../shared/domain/dated-periods.js';
import { admitsMembersOn, type OrganizationRecord } from '../organizations/domain/organization.state.js';
import { members } from '../organizations/member.resource.js';
import { OrganizationDirectory } from '../organizations/organization-directory.js';
import { StreamCommands, type StreamResource } from '../commands/stream-commands.js';
import type { AppealHandover, DecidingBody, OrganizationAt, SubjectFacts } from '../rulebook/index.js';
import { Rulebook } from '../rulebook/rulebook.js';
import type { ActingBody } from '../shared/domain/acting-body.js';
import type { Command, Event } from '../shared/domain/decider.js';
import { RuleViolationError, UnknownReferenceError } from '../shared/domain/errors.js';
import { requireNotBefore } from '../shared/domain/input.js';
import type { IsoDate, SubjectRef } from '../shared/domain/vocabulary.js';
import type { ActingBodyRequest } from '../platform/http/requests/acting-body.request.js';
import { Appeals } from './appeal.resource.js';
import { DisciplineCases } from './discipline-case.resource.js';
import type { FileAppeal } from './domain/appeal.commands.js';
import type { AppealEvent } from './domain/appeal.events.js';
import { disciplineDeadlines, type Deadline } from './domain/deadlines.js';
import type { CaseFile, DisciplineCaseState } from './domain/discipline-case.decider.js';
import type { DisciplineCaseEvent } from './domain/discipline-case.events.js';
import type { DecidingBodyRequest } from './http/deciding-body.request.js';
import type { DisciplineSubjectRequest } from './http/discipline-subject.request.js';

/** More levels than the party has: a parent chain longer than this is a cycle in the records. */
const MAX_LEVELS = 10;

/**
 * What discipline reads from other records: the facts about the subject and the bodies the deciders need,
 * the inspection a case comes from, and a case's appeals and deadlines.
 */
@Injectable()
export class DisciplineDirectory {
  constructor(
    private readonly streams: EventSourcedStreams,
    private readonly store: EventStore,
    private readonly organizations: OrganizationDirectory,
    private readonly cases: DisciplineCases,
    private readonly appeals: Appeals,
    private readonly rulebook: Rulebook,
    private readonly commands: StreamCommands,
  ) {}

  /** The organization and its superiors, itself first, as their records now stand. */
  async chainFrom(field: string, organizationId: string): Promise<OrganizationAt[]> {
    const chain: OrganizationAt[] = [];
    for (let id: string | null = organizationId; id !== null && chain.length < MAX_LEVELS;) {
      const organization = await this.organization(field, id);
      chain.push({ organizationId: id, level: organization.level });
      id = organization.parentId;
    }
    return chain;
  }

  /**
   * Membership, posts, seats, chain and the committee managing the member as a cadre on `on`, from the
   * records. A request that names the managing committee must name the recorded one.
   */
  async subjectFacts(field: string, subject: DisciplineSubjectRequest, on: IsoDate): Promise<SubjectFacts> {
    if (subject.kind === 'organization') {
      const organizationId = subject.organizationId ?? '';
      const [own, ...ancestors] = await this.chainFrom(`${field}.organizationId`, organizationId);
      if (!own) throw new UnknownReferenceError(`${field}.organizationId`, 'organization', organizationId);
      return { kind: 'organization', organizationId: own.organizationId, level: own.level, ancestors };
    }
    const memberId = subject.memberId ?? '';
    const facts = memberFacts(await this.require(members, `${field}.memberId`, memberId));
    if (!facts) throw new UnknownReferenceError(`${field}.memberId`, 'member', memberId);
    const managedBy = periodOn(facts.cadreManagement, on)?.committeeOf ?? null;
    requireAsRecorded(`${field}.managedByCommitteeOf`, subject.managedByCommitteeOf, managedBy);
    return {
      kind: 'member',
      memberId,
      membership: facts.membership,
      holdsPost: facts.posts.length > 0,
      organizations: await this.chainFrom(`${field}.memberId`, facts.organizationId),
      committeeSeats: facts.posts.flatMap((post) =>
        post.committeeLevel === null ? [] : [{ organizationId: post.organizationId, level: post.committeeLevel }],
      ),
      managedByCommitteeOf: managedBy ? await this.organizationAt(`${field}.managedByCommitteeOf`, managedBy) : null,
    };
  }

  /**
   * The body exists (its organization has established it); its level, and whether it was empowered to
   * admit members on `on`, are the organization's record. A request that says the latter must say as recorded.
   */
  async decidingBody(field: string, body: DecidingBodyRequest, on: IsoDate): Promise<DecidingBody> {
    await this.organizations.requireActingBody(field, body);
    const organization = await this.organization(`${field}.organizationId`, body.organizationId);
    const empowered = admitsMembersOn(organization, on);
    requireAsRecorded(`${field}.empoweredToAdmitMembers`, body.empoweredToAdmitMembers, empowered);
    return { organizationId: body.organizationId, level: organization.level, bodyKind: body.bodyKind, ...(empowered ? { empoweredToAdmitMembers: true } : {}) };
  }

  /** A body that exists (its organization has established it), as the case records it. */
  async actingBody(field: string, body: ActingBodyRequest): Promise<ActingBody> {
    await this.organizations.requireActingBody(field, body);
    return { organizationId: body.organizationId, bodyKind: body.bodyKind };
  }

  /** A case opened from an inspection: the inspection concluded on this subject and proposed discipline. */
  async requireDisciplineProposed(inspectionId: string, subject: SubjectRef, openedOn: IsoDate): Promise<void> {
    const inspection = await this.require(inspections, 'inspectionId', inspectionId);
    if (!('conclusion' in inspection)) {
      throw new RuleViolationError('inspection-not-concluded', {
        inspectionId,
        status: inspection.status,
      });
    }
    if (!inspection.conclusion.proposeDiscipline) {
      throw new RuleViolationError('discipline-not-proposed', {
        inspectionId,
        concludedOn: inspection.conclusion.concludedOn,
      });
    }
    if (JSON.stringify(inspection.proposal.subject) !== JSON.stringify(subject)) {
      throw new RuleViolationError('subject-differs-from-inspection', {
        inspectionId,
        inspectionSubject: inspection.proposal.subject,
        subject,
      });
    }
    requireNotBefore('openedOn', openedOn, inspection.conclusion.concludedOn, 'conclusion');
  }

  /** The case a request names; unknown, or unseen by the caller: 422 naming the field. */
  async requireCase(field: string, caseId: string): Promise<{ state: DisciplineCaseState; version: number }> {
    const found = await this.load(this.cases, field, caseId);
    if (!(await this.commands.visible(this.cases, found.state))) throw new UnknownReferenceError(field, this.cases.streamType, caseId);
    return found;
  }

  /** Earlier appeals against the case's decision, as their streams now stand (an id with no stream was never filed). */
  async previousAppeals(file: CaseFile): Promise<FileAppeal['data']['previousAppeals']> {
    const found = await Promise.all(file.appealIds.map((appealId) => this.streams.load(this.appeals, this.appeals.streamId(appealId)).catch(notFoundAsNull)));
    return found.flatMap((appeal) =>
      appeal === null || appeal.state.status === 'none'
        ? []
        : [
            {
              appealId: appeal.state.appeal.appealId,
              reviewingBody: appeal.state.appeal.reviewingBody,
              status: appeal.state.status === 'under-review' ? 'pending' : 'decided',
            },
          ],
    );
  }

  /**
   * The appeals handed over by bodies of the organizations above the sanctioned subject (a level abolished),
   * and by the organizations that took them over in turn.
   */
  async appealHandovers(file: CaseFile): Promise<AppealHandover[]> {
    const { subject } = file;
    const queue =
      subject.kind === 'member'
        ? subject.organizations.map((o) => o.organizationId)
        : [subject.organizationId, ...subject.ancestors.map((a) => a.organizationId)];
    const seen = new Set<string>();
    const handovers: AppealHandover[] = [];
    for (let id = queue.shift(); id !== undefined && seen.size < MAX_LEVELS * 2; id = queue.shift()) {
      if (seen.has(id)) continue;
      seen.add(id);
      for (const succession of (await this.organization('caseId', id)).successions) {
        if (!succession.functions.includes('appeals')) continue;
        const { organizationId, bodyKind } = succession.successor;
        const successor: DecidingBody = { ...(await this.organizationAt('caseId', organizationId)), bodyKind };
        handovers.push({ organizationId: id, bodyKind: succession.bodyKind, successor, from: succession.succeededOn, decision: succession.decision });
        queue.push(organizationId);
      }
    }
    return handovers;
  }

  /** The open deadlines of a case and its appeals, derived from their events. */
  async deadlines(caseId: string): Promise<{ caseId: string; version: number; deadlines: Deadline[] }> {
    const caseEvents = await this.events<DisciplineCaseEvent>(this.cases.streamId(caseId));
    if (caseEvents.length === 0) throw new StreamNotFoundError(this.cases.streamId(caseId));
    const appealIds = caseEvents.flatMap((event) => (event.type === 'AppealAgainstDecisionFiled' ? [event.data.appealId] : []));
    const appeals = await Promise.all(appealIds.map((appealId) => this.events<AppealEvent>(this.appeals.streamId(appealId))));
    return { caseId, version: caseEvents.length, deadlines: disciplineDeadlines(caseEvents, appeals, this.rulebook) };
  }

  private async organizationAt(field: string, organizationId: string): Promise<OrganizationAt> {
    return { organizationId, level: (await this.organization(field, organizationId)).level };
  }

  private async organization(field: string, organizationId: string): Promise<OrganizationRecord> {
    const state = await this.organizations.requireOrganization(field, organizationId);
    if (state.status === 'not-founded') throw new UnknownReferenceError(field, 'organization', organizationId);
    return state.organization;
  }

  private async events<E extends Event>(streamId: string): Promise<E[]> {
    return (await this.store.readStream(streamId)).map((recorded) => ({ type: recorded.type, data: recorded.data }) as unknown as E);
  }

  private async require<C extends Command, S, E extends Event>(resource: StreamResource<C, S, E>, field: string, id: string): Promise<S> {
    return (await this.load(resource, field, id)).state;
  }

  private load<C extends Command, S, E extends Event>(resource: StreamResource<C, S, E>, field: string, id: string) {
    return this.streams.load(resource, resource.streamId(id)).catch((error: unknown) => {
      throw error instanceof StreamNotFoundError ? new UnknownReferenceError(field, resource.streamType, id) : error;
    });
  }
}

/** A fact a request repeats must be the one on the record; absent, the record's is taken. */
function requireAsRecorded(field: string, requested: string | boolean | null | undefined, recorded: string | boolean | null): void {
  if (requested === undefined || requested === recorded) return;
  throw new RuleViolationError('contradicts-record', { field, requested, recorded });
}

function notFoundAsNull(error: unknown): null {
  if (error instanceof StreamNotFoundError) return null;
  throw error;
}
