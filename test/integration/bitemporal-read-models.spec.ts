import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collect, eventsKnownAt, type TimeAxes } from '../../src/audit/time-axes.js';
import { openCliContext, type CliContext } from '../../src/cli/cli-context.js';
import { StreamCommands } from '../../src/commands/stream-commands.js';
import { DemoCommands } from '../../src/demo/demo-commands.js';
import { seededRandom } from '../../src/demo/demo-names.js';
import { generate, GENERATOR_ACTOR } from '../../src/demo/generate.js';
import { asAdministrator } from '../../src/demo/seed-demo.js';
import { EventStore, type RecordedEvent } from '../../src/event-store/event-store.js';
import { members as memberStreams } from '../../src/organizations/member.resource.js';
import { organizations } from '../../src/organizations/organization.resource.js';
import { REMOVAL_GROUNDS } from '../../src/organizations/domain/member.events.js';
import { DomainError } from '../../src/shared/domain/errors.js';
import { currentReadScope } from '../../src/database/organization-scope.js';
import { loadConfig } from '../../src/platform/config/app-config.js';
import { disciplineStatisticsProjection } from '../../src/projections/discipline-statistics/discipline-statistics.projection.js';
import { DisciplineStatisticsQuery } from '../../src/projections/discipline-statistics/discipline-statistics.query.js';
import { readStatisticsAsOf } from '../../src/projections/discipline-statistics/statistics-as-of.js';
import { readHistoryAsOf } from '../../src/projections/organization-history/history-as-of.js';
import { organizationHistoryProjection } from '../../src/projections/organization-history/organization-history.projection.js';
import { OrganizationHistoryQuery } from '../../src/projections/organization-history/organization-history.query.js';
import { ProjectionRunner } from '../../src/projections/projection-runner.js';
import { ReadModels } from '../../src/projections/read-models.js';
import { isolatedDatabase, testDatabases, type IsolatedDatabase } from '../support/databases.js';
import { ADMIN_PASSWORD, sharedKeys } from '../support/test-app.js';

/** Drawn anew on every run and named in every comparison, so that a failure can be replayed with PROPERTY_SEED. */
const SEED = Number(process.env.PROPERTY_SEED ?? Math.floor(Math.random() * 2 ** 31));
const REORGANIZATIONS = 90;
const CASES = 30;

interface Founded {
  readonly id: string;
  readonly level: string;
  readonly parentId: string | null;
}

interface Admitted {
  readonly memberId: string;
  readonly organizationId: string;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** A day from 2020 to 2026: after the generated years, in no order, so that acts are recorded late and out of order. */
function laterDay(random: () => number): string {
  return new Date(Date.UTC(2020, 0, 1) + Math.floor(random() * 6.8 * 365) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Random axes: a day over the generated and the later years, an instant at which an event was recorded (half
 * of them among the reorganization's), or both.
 */
function randomAxes(random: () => number, events: readonly RecordedEvent[], reorganization: readonly RecordedEvent[]): TimeAxes {
  const day = new Date(Date.UTC(2014, 0, 1) + Math.floor(random() * 13 * 365) * 86_400_000).toISOString().slice(0, 10);
  const recorded = pick(random, random() < 0.5 ? reorganization : events).recordedAt.getTime();
  const instant = new Date(recorded + Math.floor(random() * 3) - 1);
  const which = Math.floor(random() * 3);
  return { ...(which !== 1 ? { asOf: day } : {}), ...(which !== 0 ? { knownAt: instant } : {}) };
}

describe.each(testDatabases())('read models as of a day or an instant answer what the replay of the store answers, on $name', (database) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'disciplina-bitemporal-'));
  let isolated: IsolatedDatabase;
  let context: CliContext;
  const done = new Map<string, number>();
  /** How many events the generator appended: those after are the reorganization's. */
  let generated: number;
  /** The organizations the reorganization acts on: their district, its first grassroots organizations, their cells. */
  let reorganized: string[];

  /**
   * The generated district, then reorganized at random: members transferred between cells, cells moved
   * between grassroots organizations, grassroots organizations merged, members supervised and removed from
   * the roll, each dated at random in later years. The deciders refuse some (a date before the stream's
   * last act, a member already removed): those are left out.
   */
  async function reorganize(random: () => number, founded: readonly Founded[], placed: readonly Admitted[], districtId: string): Promise<void> {
    const commands = context.get(StreamCommands);
    const demo = new DemoCommands(context.app);
    // Few members and organizations, so that the acts meet: a member supervised after a transfer, a cell moved twice.
    const grassroots = founded
      .filter((organization) => organization.level === 'grassroots')
      .map((organization) => organization.id)
      .slice(0, 4);
    const cells = founded.filter((organization) => grassroots.includes(organization.parentId ?? '')).map((organization) => organization.id);
    const some = placed
      .filter((member) => cells.includes(member.organizationId))
      .map((member) => member.memberId)
      .slice(0, 6);
    reorganized = [districtId, ...grassroots, ...cells];
    const body = { organizationId: districtId, bodyKind: 'standing-committee' } as const;
    const acts: Record<string, () => Promise<unknown>> = {
      transfer: () =>
        commands.run(memberStreams, pick(random, some), undefined, 'transferMember', {
          toOrganizationId: pick(random, cells),
          transferredOn: laterDay(random),
        }),
      move: () =>
        commands.run(organizations, pick(random, cells), undefined, 'moveOrganization', { parentId: pick(random, grassroots), movedOn: laterDay(random) }),
      // As the merge route does: the successor's side checked before the predecessor's is written.
      merge: async () => {
        const [predecessorId, successorId, mergedOn] = [pick(random, grassroots), pick(random, grassroots), laterDay(random)];
        const absorption = { predecessorId, absorbedOn: mergedOn };
        await commands.check(organizations, successorId, 'absorb', absorption);
        await commands.run(organizations, predecessorId, undefined, 'mergeInto', { successorId, mergedOn });
        await commands.run(organizations, successorId, undefined, 'absorb', absorption);
      },
      superviseMember: () =>
        demo.supervise(body, { kind: 'member', memberId: pick(random, some) }, 'thematic', laterDay(random), 'Kế hoạch giám sát', 'Sinh hoạt chi bộ'),
      superviseCell: () =>
        demo.supervise(
          body,
          { kind: 'organization', organizationId: pick(random, cells) },
          'thematic',
          laterDay(random),
          'Kế hoạch giám sát',
          'Sinh hoạt chi bộ',
        ),
      remove: () => commands.run(memberStreams, pick(random, some), undefined, 'removeFromRoll', { ground: REMOVAL_GROUNDS[0], removedOn: laterDay(random) }),
    };
    // Weighted towards what answers as of a day differ by: a member's acts on other streams around a transfer.
    const kinds = ['transfer', 'transfer', 'transfer', 'superviseMember', 'superviseMember', 'superviseMember', 'move', 'move', 'superviseCell', 'remove'];
    const attempt = async (kind: string) => {
      try {
        await acts[kind]!();
        done.set(kind, (done.get(kind) ?? 0) + 1);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
      }
    };
    for (let n = 0; n < REORGANIZATIONS; n++) await attempt(random() < 0.06 ? 'merge' : pick(random, kinds));
    // Every kind at least once: the draws above may have missed one, or the deciders refused it each time.
    for (const kind of Object.keys(acts)) {
      for (let tries = 0; !done.has(kind) && tries < 50; tries++) await attempt(kind);
    }
  }

  beforeAll(async () => {
    isolated = await isolatedDatabase(database);
    context = await openCliContext(loadConfig({ DATABASE_URL: isolated.url, DATA_DIR: dataDir, ADMIN_PASSWORD, LOG_LEVEL: 'warn', ...sharedKeys() }));
    await generate(context.app, { events: 1, concurrency: 1 });
    const all = await collect(eventsKnownAt(context.get(EventStore), {}));
    generated = all.length;
    const founded = all
      .filter((event) => event.type === 'OrganizationFounded')
      .map((event) => ({ id: event.data.organizationId as string, level: event.data.level as string, parentId: event.data.parentId as string | null }));
    const placed = all
      .filter((event) => event.type === 'MemberAdmitted')
      .map((event) => ({ memberId: event.data.memberId as string, organizationId: event.data.organizationId as string }));
    const districtId = founded.find((organization) => organization.level === 'district')!.id;
    await asAdministrator(GENERATOR_ACTOR, () => reorganize(seededRandom(SEED), founded, placed, districtId));
    for (const projection of [organizationHistoryProjection, disciplineStatisticsProjection]) {
      await new ProjectionRunner(projection, context.projections).runUntilCaughtUp();
    }
  }, 900_000);
  afterAll(async () => {
    await context?.close();
    await isolated?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Each case's organization: mostly one the reorganization acted on. */
  async function randomOrganization(random: () => number): Promise<string> {
    const all = await collect(eventsKnownAt(context.get(EventStore), {}));
    const organizationIds = all.filter((event) => event.type === 'OrganizationFounded').map((event) => event.data.organizationId as string);
    return pick(random, random() < 0.7 ? reorganized : organizationIds);
  }

  it('reorganized at random, the store holds every kind of act the property needs', () => {
    for (const kind of ['transfer', 'move', 'merge', 'superviseMember', 'remove'])
      expect({ seed: SEED, kind, done: (done.get(kind) ?? 0) > 0 }).toEqual({ seed: SEED, kind, done: true });
  });

  it('the organization history answers from its rows what the replay of the whole store answers', async () => {
    const random = seededRandom(SEED + 1);
    const all = await collect(eventsKnownAt(context.get(EventStore), {}));
    const history = context.get(OrganizationHistoryQuery);
    let fromRows = 0;
    for (let n = 0; n < CASES; n++) {
      const organizationId = await randomOrganization(random);
      const axes = randomAxes(random, all, all.slice(generated));
      const query = {
        ...(axes.asOf ? { asOf: axes.asOf } : {}),
        ...(axes.knownAt ? { knownAt: axes.knownAt.toISOString() } : {}),
        subtree: random() < 0.6,
        pageSize: 5000,
      };
      const [answer, replayed, rows] = await asAdministrator(GENERATOR_ACTOR, async () => {
        const settle = (page: Promise<unknown>) => page.catch((error: Error) => error.name);
        return [
          await settle(history.history(organizationId, query)),
          await settle(history.replayed(organizationId, query)),
          await readHistoryAsOf(context.get(ReadModels).dataSource, context.get(EventStore), axes, organizationId, currentReadScope(), async () => true),
        ];
      });
      if (rows) fromRows++;
      expect({ seed: SEED, n, organizationId, query, answer }).toEqual({ seed: SEED, n, organizationId, query, answer: replayed });
    }
    // The rows answer most questions; the replay only those they cannot attribute.
    expect({ seed: SEED, fromRows: fromRows >= CASES / 2 }).toEqual({ seed: SEED, fromRows: true });
  }, 900_000);

  it('the discipline statistics count from their rows what the replay of the whole store counts', async () => {
    const random = seededRandom(SEED + 2);
    const all = await collect(eventsKnownAt(context.get(EventStore), {}));
    const statistics = context.get(DisciplineStatisticsQuery);
    let fromRows = 0;
    for (let n = 0; n < CASES; n++) {
      // The whole tree, the district or one of its reorganized grassroots organizations (a cell's acts are few), or any organization.
      const draw = random();
      const organizationId = draw < 0.15 ? undefined : draw < 0.8 ? pick(random, reorganized.slice(0, 5)) : await randomOrganization(random);
      const axes = randomAxes(random, all, all.slice(generated));
      const fromYear = 2015 + Math.floor(random() * 11);
      const period = { from: `${fromYear}-01-01`, to: `${fromYear + Math.floor(random() * 4)}-12-31` };
      const [answer, replayed, rows] = await asAdministrator(GENERATOR_ACTOR, async () => {
        const settle = (report: Promise<unknown>) => report.catch((error: Error) => error.name);
        return [
          await settle(statistics.report(period, organizationId, axes)),
          await settle(statistics.replayed(period, organizationId, axes)),
          await readStatisticsAsOf(
            context.get(ReadModels).dataSource,
            context.get(EventStore),
            axes,
            period,
            organizationId,
            currentReadScope(),
            async () => true,
          ),
        ];
      });
      if (rows) fromRows++;
      expect({ seed: SEED, n, organizationId, axes, period, answer }).toEqual({ seed: SEED, n, organizationId, axes, period, answer: replayed });
    }
    expect({ seed: SEED, fromRows: fromRows >= CASES / 2 }).toEqual({ seed: SEED, fromRows: true });
  }, 900_000);
});
