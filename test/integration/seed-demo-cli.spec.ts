import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compiledCli, type Exit } from '../support/cli-process.js';
import { isolatedDatabase, testDatabases, type IsolatedDatabase } from '../support/databases.js';
import { ADMIN_PASSWORD, sharedKeys } from '../support/test-app.js';

const cli = compiledCli('seed-demo-cli-test');
beforeAll(() => cli.compile(), 120_000);
afterAll(() => cli.remove());

/** A report as `seed-demo` prints it: a title line, then one line per figure that is not zero. */
interface PrintedReport {
  readonly heading: readonly string[];
  readonly figures: Map<string, number>;
}

/** The reports in the command's output: `Title: organization, from to to`, then `  figure.breakdown  value  label`. */
function printedReports(stdout: string): PrintedReport[] {
  const reports: PrintedReport[] = [];
  for (const line of stdout.split('\n')) {
    const heading = /^(.+): (.+), (\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})$/.exec(line);
    const row = /^ {2}(\S+) +(\d+) {2}\S/.exec(line);
    if (heading) reports.push({ heading: heading.slice(1), figures: new Map() });
    else if (row) reports.at(-1)?.figures.set(row[1]!, Number(row[2]));
  }
  return reports;
}

/** The printed figures whose key starts with `prefix`. */
function figuresUnder(report: PrintedReport | undefined, prefix: string): Record<string, number> {
  return Object.fromEntries([...(report?.figures ?? [])].filter(([key]) => key.startsWith(prefix)));
}

describe.each(testDatabases())('npm run cli -- seed-demo, on a fresh data folder, on $name', (database) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'disciplina-seed-demo-'));
  let isolated: IsolatedDatabase | undefined;
  let exit: Exit;
  let reports: PrintedReport[];

  beforeAll(async () => {
    // On PostgreSQL, a database of its own; otherwise the CLI opens the embedded one in its data folder.
    if (database.concurrentSessions) isolated = await isolatedDatabase(database);
    // PostgreSQL is shared by instances, which are given their keys; the embedded database makes its own.
    const keys = isolated ? sharedKeys() : {};
    exit = await cli.run(
      ['seed-demo'],
      { DATA_DIR: dataDir, DATABASE_URL: isolated?.url, MIGRATION_DATABASE_URL: undefined, ADMIN_PASSWORD, ...keys },
      540_000,
    );
    reports = printedReports(exit.stdout);
  }, 600_000);
  afterAll(async () => {
    await isolated?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loads the district, then prints its 2019 report and its report since 2016, and exits 0', () => {
    expect({ code: exit.code, stderr: exit.stderr }).toEqual({
      code: 0,
      stderr: expect.stringContaining('13 grassroots organizations and 133 members loaded'),
    });
    expect(reports.map((report) => report.heading)).toEqual([
      ['Statutory statistics', 'Đảng bộ huyện Bình Xuyên', '2019-01-01', '2019-12-03'],
      ['Since 2016', 'Đảng bộ huyện Bình Xuyên', '2016-01-01', '2019-12-03'],
    ]);
  });

  it("prints the seed article's inspections and supervisions of 2019 (to 3 December)", () => {
    const year = reports[0]?.figures;
    expect({
      organizationsInspectedByCommittees: year?.get('inspections.byCommittees.organizations.total'),
      organizationsSupervisedByCommittees: year?.get('supervisions.byCommittees.organizations.total'),
      membersInspectedOnSignsOfViolation: year?.get('inspections.byInspectionCommissions.members.onSignsOfViolation'),
      lowerOrganizationsInspectedByCommissions: year?.get('inspections.byInspectionCommissions.organizations.total'),
      membersUnderThematicSupervision: year?.get('supervisions.byInspectionCommissions.members.thematic'),
      organizationsUnderThematicSupervision: year?.get('supervisions.byInspectionCommissions.organizations.thematic'),
    }).toEqual({
      organizationsInspectedByCommittees: 34,
      organizationsSupervisedByCommittees: 19,
      membersInspectedOnSignsOfViolation: 12,
      lowerOrganizationsInspectedByCommissions: 4,
      membersUnderThematicSupervision: 48,
      organizationsUnderThematicSupervision: 14,
    });
  });

  it('prints 37 members disciplined in 2019: 2 reprimanded, 4 warned and 3 expelled by the district commission, 28 reprimanded by grassroots committees', () => {
    expect(reports[0]?.figures.get('sanctions.members.total')).toBe(37);
    expect(figuresUnder(reports[0], 'sanctions.members.byDecidingBody.')).toEqual({
      'sanctions.members.byDecidingBody.district-inspection-commission.total': 9,
      'sanctions.members.byDecidingBody.district-inspection-commission.reprimand': 2,
      'sanctions.members.byDecidingBody.district-inspection-commission.warning': 4,
      'sanctions.members.byDecidingBody.district-inspection-commission.expulsion': 3,
      'sanctions.members.byDecidingBody.grassroots-committee.total': 28,
      'sanctions.members.byDecidingBody.grassroots-committee.reprimand': 28,
    });
  });

  it('prints since 2016: 13 expelled, 5 removed from the roll, 6 released', () => {
    expect(figuresUnder(reports[1], 'removals.')).toEqual({ 'removals.expelled': 13, 'removals.removedFromRoll': 5, 'removals.released': 6 });
  });
});
