import { axesBounds } from '../../src/projections/bitemporal.js';
import { TreeBuilds } from '../../src/projections/organization-history/tree-builds.js';
import type { TreeEventRow } from '../../src/projections/organization-history/tree-as-of.js';
import { ReadModels } from '../../src/projections/read-models.js';
import { withShadowTables } from '../../src/projections/replay.js';
import type { TimeAxes } from '../../src/audit/time-axes.js';
import { isolatedDatabase, testDatabases, ISOLATED_SETUP_MS, type IsolatedDatabase } from '../support/databases.js';

const TABLE = 'organization_tree_events';
const RECORDED = new Date('2026-01-10T08:00:00.000Z');
const RECORDED_LATE = new Date('2026-03-01T08:00:00.000Z');

describe.each(testDatabases())('builds of the tree kept for the answers on the same tree events, on $name', (database) => {
  let isolated: IsolatedDatabase;
  let readModels: ReadModels;
  let position = 0;

  /** Files a founding as the projections file it (`fileTreeEvent`). */
  async function found(organizationId: string, occurredOn: string, recordedAt = RECORDED): Promise<void> {
    position += 1;
    await readModels.dataSource.query(
      `INSERT INTO ${TABLE} (global_position, transaction_id, organization_id, event_type, data, occurred_at, recorded_at)
       VALUES ($1, $2, $3, 'OrganizationFounded', $4, $5, $6)`,
      [
        position,
        String(position),
        organizationId,
        JSON.stringify({ organizationId, parentId: null, name: organizationId, level: 'province' }),
        new Date(`${occurredOn}T00:00:00.000Z`),
        recordedAt,
      ],
    );
  }

  /** Builds that list the organizations founded, and count how often they were built. */
  function countingBuilds(): { builds: TreeBuilds<string[]>; built: () => number } {
    let built = 0;
    const builds = new TreeBuilds(TABLE, (events: readonly TreeEventRow[]) => {
      built += 1;
      return events.map((event) => event.data.organizationId as string);
    });
    return { builds, built: () => built };
  }

  function buildWithin(builds: TreeBuilds<string[]>, axes: TimeAxes, models = readModels): Promise<string[]> {
    return withShadowTables(models.dataSource, [], (manager, live) => builds.within(manager, live, axesBounds(axes)));
  }

  beforeAll(async () => {
    isolated = await isolatedDatabase(database);
    readModels = await ReadModels.open(isolated.url, 2);
    await found('founded-1997', '1997-01-01');
    await found('founded-2018', '2018-06-01');
    await found('recorded-late', '2017-03-01', RECORDED_LATE);
  }, ISOLATED_SETUP_MS);
  afterAll(async () => {
    await readModels?.close();
    await isolated?.drop();
  });

  it('two days with no tree event between them share one build; a day past the next event builds anew with it', async () => {
    const { builds, built } = countingBuilds();
    expect(await buildWithin(builds, { asOf: '2016-01-01' })).toEqual(['founded-1997']);
    expect(await buildWithin(builds, { asOf: '2016-12-31' })).toEqual(['founded-1997']);
    expect(built()).toBe(1);
    expect(await buildWithin(builds, { asOf: '2017-03-01' })).toEqual(['founded-1997', 'recorded-late']);
    expect(built()).toBe(2);
  });

  it('a record-time bound that leaves out an event recorded late builds without it, though the latest event within is the same', async () => {
    const { builds, built } = countingBuilds();
    expect(await buildWithin(builds, { asOf: '2019-01-01' })).toEqual(['founded-1997', 'founded-2018', 'recorded-late']);
    expect(await buildWithin(builds, { asOf: '2019-01-01', knownAt: new Date(RECORDED_LATE.getTime() - 1) })).toEqual(['founded-1997', 'founded-2018']);
    expect(built()).toBe(2);
  });

  it('a tree event filed since builds anew for the same axes, though the latest event within is the same', async () => {
    const { builds, built } = countingBuilds();
    expect(await buildWithin(builds, {})).toEqual(['founded-1997', 'founded-2018', 'recorded-late']);
    await found('founded-1990', '1990-01-01');
    expect(await buildWithin(builds, {})).toEqual(['founded-1997', 'founded-2018', 'recorded-late', 'founded-1990']);
    expect(built()).toBe(2);
  });

  it('each database keeps builds of its own', async () => {
    const { builds, built } = countingBuilds();
    const other = await ReadModels.open(isolated.url, 1);
    try {
      await buildWithin(builds, { asOf: '2016-01-01' });
      await buildWithin(builds, { asOf: '2016-01-01' }, other);
    } finally {
      await other.close();
    }
    expect(built()).toBe(2);
  });
});
