import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { HistoryKind } from './history-kinds.js';

/** One event in the history of an organization (and of one of its members, when `memberId` is set). */
@Entity({ name: 'organization_history' })
export class OrganizationHistoryEntry {
  @PrimaryColumn({ name: 'global_position', type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  globalPosition!: number;

  @PrimaryColumn({ name: 'organization_id', type: 'text' })
  organizationId!: string;

  @Column({ name: 'member_id', type: 'text', nullable: true })
  memberId!: string | null;

  @Column({ type: 'text' })
  kind!: HistoryKind;

  @Column({ name: 'event_type', type: 'text' })
  eventType!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;

  @Column({ name: 'stream_id', type: 'text' })
  streamId!: string;

  @Column({ type: 'jsonb' })
  summary!: Record<string, unknown>;
}

/** The organization tree as the events left it; `path` is `/root/.../id/`, so a subtree is a path prefix. */
@Entity({ name: 'organization_tree' })
export class OrganizationTreeNode {
  @PrimaryColumn({ name: 'organization_id', type: 'text' })
  organizationId!: string;

  @Column({ name: 'parent_id', type: 'text', nullable: true })
  parentId!: string | null;

  @Column({ type: 'text' })
  path!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  level!: string;

  /** The successor a merged organization went under, and the day it joined it. */
  @Column({ name: 'merged_into', type: 'text', nullable: true })
  mergedInto!: string | null;

  @Column({ name: 'merged_on', type: 'date', nullable: true })
  mergedOn!: string | null;
}

export const ORGANIZATION_HISTORY_ENTITIES = [OrganizationHistoryEntry, OrganizationTreeNode];
