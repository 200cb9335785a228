import { EventStore1764300000000 } from './1764300000000-event-store.js';
import { Projections1764400000000 } from './1764400000000-projections.js';
import { AuditCheckpoints1764500000000 } from './1764500000000-audit-checkpoints.js';
import { IdempotencyKeys1764600000000 } from './1764600000000-idempotency-keys.js';
import { Users1764700000000 } from './1764700000000-users.js';
import { DisciplineStatistics1764800000000 } from './1764800000000-discipline-statistics.js';
import { MemberRecordsWorkLists1764900000000 } from './1764900000000-member-records-work-lists.js';
import { DatabaseWalls1765000000000 } from './1765000000000-database-walls.js';
import { MemberRecordWalls1765100000000 } from './1765100000000-member-record-walls.js';
import { PersonalDataKeys1765200000000 } from './1765200000000-personal-data-keys.js';
import { ConfidentialCases1765300000000 } from './1765300000000-confidential-cases.js';
import { AccessRecordsAndLimits1765400000000 } from './1765400000000-access-records-and-limits.js';
import { ProcessManagers1765500000000 } from './1765500000000-process-managers.js';
import { Accounts1765600000000 } from './1765600000000-accounts.js';
import { AccountIdentities1765700000000 } from './1765700000000-account-identities.js';
import { OrganizationMergers1765800000000 } from './1765800000000-organization-mergers.js';
import { StatisticsLineage1765900000000 } from './1765900000000-statistics-lineage.js';
import { CadrePlanning1766000000000 } from './1766000000000-cadre-planning.js';
import { MemberRecordEvents1766100000000 } from './1766100000000-member-record-events.js';
import { SearchableEventData1766200000000 } from './1766200000000-searchable-event-data.js';
import { UnloggedRateLimits1766300000000 } from './1766300000000-unlogged-rate-limits.js';
import { MergedOrganizationsIndex1766400000000 } from './1766400000000-merged-organizations-index.js';
import { BitemporalHistory1766500000000 } from './1766500000000-bitemporal-history.js';
import { BitemporalStatistics1766600000000 } from './1766600000000-bitemporal-statistics.js';
import { StatisticsFactsBySubject1766700000000 } from './1766700000000-statistics-facts-by-subject.js';

/** Every migration, in order. Schema changes happen here only (never `synchronize`). */
export const migrations = [
  EventStore1764300000000,
  Projections1764400000000,
  AuditCheckpoints1764500000000,
  IdempotencyKeys1764600000000,
  Users1764700000000,
  DisciplineStatistics1764800000000,
  MemberRecordsWorkLists1764900000000,
  DatabaseWalls1765000000000,
  MemberRecordWalls1765100000000,
  PersonalDataKeys1765200000000,
  ConfidentialCases1765300000000,
  AccessRecordsAndLimits1765400000000,
  ProcessManagers1765500000000,
  Accounts1765600000000,
  AccountIdentities1765700000000,
  OrganizationMergers1765800000000,
  StatisticsLineage1765900000000,
  CadrePlanning1766000000000,
  MemberRecordEvents1766100000000,
  SearchableEventData1766200000000,
  UnloggedRateLimits1766300000000,
  MergedOrganizationsIndex1766400000000,
  BitemporalHistory1766500000000,
  BitemporalStatistics1766600000000,
  StatisticsFactsBySubject1766700000000,
];
