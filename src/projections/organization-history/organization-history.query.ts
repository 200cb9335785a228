import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { collect, eventsKnownAt, hasAxes, timeAxesOf } from '../../audit/time-axes.js';
import { currentReadScope } from '../../database/organization-scope.js';
import { EventStore } from '../../event-store/event-store.js';
import { ProblemError, RequestValidationError } from '../../platform/http/problem.js';
import { subtreePattern } from '../organization-tree.js';
import { ReadModels } from '../read-models.js';
import { readReplayed } from '../replay.js';
import { readHistoryAsOf } from './history-as-of.js';
import { OrganizationHistoryEntry, OrganizationTreeNode } from './organization-history.entities.js';
import type { HistoryEntryDto, HistoryPageDto, HistoryQueryDto } from './history-query.dto.js';
import { organizationHistoryProjection } from './organization-history.projection.js';

export class OrganizationNotInHistoryError extends Error {
  constructor(readonly organizationId: string) {
    super(`Organization ${organizationId} is not known to the organization history`);
    this.name = 'OrganizationNotInHistoryError';
  }
}

/** The answer of a read about one organization; 404 `organization-history` when the history does not show it to the caller. */
export async function orOrganizationNotFound<T>(answer: Promise<T>): Promise<T> {
  try {
    return await answer;
  } catch (error) {
    if (error instanceof OrganizationNotInHistoryError) {
      throw new ProblemError(404, 'not-found', { reason: 'organization-history', organizationId: error.organizationId });
    }
    throw error;
  }
}

function nextDay(isoDate: string): Date {
  const day = new Date(`${isoDate.slice(0, 10)}T00:00:00.000Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day;
}

@Injectable()
export class OrganizationHistoryQuery {
  constructor(
    private readonly readModels: ReadModels,
    private readonly store: EventStore,
  ) {}

  /**
   * From the live read model; with `asOf` or `knownAt`, what the replay of the events within those axes
   * gives (a filter on the live table cannot answer "as known at": corrections and late records would show,
   * the tree would be today's and members would be where they are now): from the projection's bitemporal
   * rows, or, where those cannot tell (`readHistoryAsOf`), from the replay itself.
   */
  async history(organizationId: string, query: HistoryQueryDto): Promise<HistoryPageDto> {
    if (query.from && query.to && query.from.slice(0, 10) > query.to.slice(0, 10)) {
      throw new RequestValidationError([{ field: 'from', rule: 'notAfterTo' }]);
    }
    const axes = timeAxesOf(query);
    const read = (manager: EntityManager) => this.page(manager, organizationId, query);
    if (!hasAxes(axes)) return this.readModels.read(read);
    const fromRows = await readHistoryAsOf(this.readModels.dataSource, this.store, axes, organizationId, currentReadScope(), read);
    return fromRows ?? this.replayed(organizationId, query);
  }

  /** The history with `asOf` or `knownAt` from the events within those axes replayed through the projection's own evolve. */
  async replayed(organizationId: string, query: HistoryQueryDto): Promise<HistoryPageDto> {
    const handled = new Set<string>(organizationHistoryProjection.handles);
    const events = await collect(eventsKnownAt(this.store, timeAxesOf(query), (event) => handled.has(event.type)));
    return readReplayed(this.readModels.dataSource, organizationHistoryProjection, events, currentReadScope(), (manager) =>
      this.page(manager, organizationId, query),
    );
  }

  private async page(manager: EntityManager, organizationId: string, query: HistoryQueryDto): Promise<HistoryPageDto> {
    const organization = await manager.findOneBy(OrganizationTreeNode, { organizationId });
    if (!organization) throw new OrganizationNotInHistoryError(organizationId);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const predecessors = await mergedInto(manager, organizationId);
    // The organizations are listed first: given as values, the planner reads their entries through the index,
    // where a join with the tree would walk the whole history table once it is large.
    const organizationIds = query.subtree
      ? await subtreeOf(manager, organization.path)
      : [organizationId, ...predecessors.map((predecessor) => predecessor.organizationId)];
    const entries = manager.createQueryBuilder(OrganizationHistoryEntry, 'h').where('h.organization_id = ANY(:organizationIds)', { organizationIds });
    if (query.kind?.length) entries.andWhere('h.kind IN (:...kinds)', { kinds: query.kind });
    if (query.from) entries.andWhere('h.occurred_at >= :from', { from: new Date(`${query.from.slice(0, 10)}T00:00:00.000Z`) });
    if (query.to) entries.andWhere('h.occurred_at < :to', { to: nextDay(query.to) });
    const [rows, total] = await entries
      .orderBy('h.occurred_at', 'DESC')
      .addOrderBy('h.global_position', 'DESC')
      .addOrderBy('h.organization_id', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    const joined = await joinedOn(manager, predecessors, rows);
    return { items: rows.map((row) => toDto(row, joined.get(row.organizationId) ?? null)), page, pageSize, total };
  }
}

async function subtreeOf(manager: EntityManager, path: string): Promise<string[]> {
  const rows = (await manager.query(`SELECT organization_id FROM organization_tree WHERE path LIKE $1 ESCAPE '\\'`, [subtreePattern(path)])) as {
    organization_id: string;
  }[];
  return rows.map((row) => row.organization_id);
}

interface Predecessor {
  readonly organizationId: string;
  readonly path: string;
  /** The day it joined the organization asked about: at the end of its chain of mergers. */
  readonly joinedOn: string;
}

/**
 * The organizations merged into `organizationId`, directly or through a chain of mergers. Two mergers that
 * passed each other's checks (each into the other, before either was written) make a cycle: the `UNION`
 * ends the walk where it comes round again, and the organization asked about is not its own predecessor.
 */
export async function mergedInto(manager: EntityManager, organizationId: string): Promise<Predecessor[]> {
  return (await manager.query(
    `WITH RECURSIVE lineage (organization_id, path, joined_on) AS (
       SELECT organization_id, path, merged_on FROM organization_tree WHERE merged_into = $1
       UNION
       SELECT t.organization_id, t.path, l.joined_on FROM organization_tree t JOIN lineage l ON t.merged_into = l.organization_id
     )
     SELECT organization_id AS "organizationId", path, to_char(joined_on, 'YYYY-MM-DD') AS "joinedOn" FROM lineage WHERE organization_id <> $1`,
    [organizationId],
  )) as Predecessor[];
}

/**
 * The day each entry's organization joined the one asked about: that of the predecessor it is, or lies
 * under, nearest the organization asked about; none for its own acts and those of its own subtree.
 */
async function joinedOn(manager: EntityManager, predecessors: readonly Predecessor[], rows: readonly OrganizationHistoryEntry[]): Promise<Map<string, string>> {
  const joined = new Map<string, string>();
  if (predecessors.length === 0 || rows.length === 0) return joined;
  const organizationIds = [...new Set(rows.map((row) => row.organizationId))];
  const nodes = await manager.findBy(OrganizationTreeNode, { organizationId: In(organizationIds) });
  const outermostFirst = [...predecessors].sort((a, b) => a.path.length - b.path.length);
  for (const node of nodes) {
    const predecessor = outermostFirst.find((candidate) => node.path.startsWith(candidate.path));
    if (predecessor) joined.set(node.organizationId, predecessor.joinedOn);
  }
  return joined;
}

function toDto(entry: OrganizationHistoryEntry, joinedOn: string | null): HistoryEntryDto {
  return {
    organizationId: entry.organizationId,
    memberId: entry.memberId,
    kind: entry.kind,
    eventType: entry.eventType,
    occurredAt: entry.occurredAt.toISOString(),
    recordedAt: entry.recordedAt.toISOString(),
    streamId: entry.streamId,
    globalPosition: entry.globalPosition,
    summary: entry.summary,
    joinedOn,
  };
}
