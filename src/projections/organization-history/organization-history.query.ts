import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { collect, eventsKnownAt, hasAxes, timeAxesOf } from '../../audit/time-axes.js';
import { currentReadScope } from '../../database/organization-scope.js';
import { EventStore } from '../../event-store/event-store.js';
import { RequestValidationError } from '../../platform/http/problem.js';
import { ReadModels } from '../read-models.js';
import { readReplayed } from '../replay.js';
import { OrganizationHistoryEntry, OrganizationTreeNode } from './organization-history.entities.js';
import type { HistoryEntryDto, HistoryPageDto, HistoryQueryDto } from './history-query.dto.js';
import { organizationHistoryProjection } from './organization-history.projection.js';

export class OrganizationNotInHistoryError extends Error {
  constructor(readonly organizationId: string) {
    super(`Organization ${organizationId} is not known to the organization history`);
    this.name = 'OrganizationNotInHistoryError';
  }
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
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
   * From the live read model; with `asOf` or `knownAt`, from the events within those axes replayed through
   * the projection's own evolve (a filter on the live table cannot answer "as known at": corrections and
   * late records would show, and the tree would be today's).
   */
  async history(organizationId: string, query: HistoryQueryDto): Promise<HistoryPageDto> {
    if (query.from && query.to && query.from.slice(0, 10) > query.to.slice(0, 10)) {
      throw new RequestValidationError([{ field: 'from', rule: 'notAfterTo' }]);
    }
    const axes = timeAxesOf(query);
    if (!hasAxes(axes)) return this.readModels.read((manager) => this.page(manager, organizationId, query));
    const handled = new Set<string>(organizationHistoryProjection.handles);
    const events = await collect(eventsKnownAt(this.store, axes, (event) => handled.has(event.type)));
    return readReplayed(this.readModels.dataSource, organizationHistoryProjection, events, currentReadScope(), (manager) =>
      this.page(manager, organizationId, query),
    );
  }

  private async page(manager: EntityManager, organizationId: string, query: HistoryQueryDto): Promise<HistoryPageDto> {
    const organization = await manager.findOneBy(OrganizationTreeNode, { organizationId });
    if (!organization) throw new OrganizationNotInHistoryError(organizationId);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const entries = manager.createQueryBuilder(OrganizationHistoryEntry, 'h');
    if (query.subtree) {
      entries.where(`h.organization_id IN (SELECT t.organization_id FROM organization_tree t WHERE t.path LIKE :prefix ESCAPE '\\')`, {
        prefix: `${escapeLike(organization.path)}%`,
      });
    } else {
      entries.where('h.organization_id = :organizationId', { organizationId });
    }
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
    return { items: rows.map(toDto), page, pageSize, total };
  }
}

function toDto(entry: OrganizationHistoryEntry): HistoryEntryDto {
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
  };
}
