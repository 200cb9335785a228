import { QueryBus } from '@nestjs/cqrs';
import { seedDemo } from '../demo/seed-demo.js';
import type { StatisticsPeriod } from '../projections/discipline-statistics/statistics-acts.js';
import { GetStatisticsReport } from '../projections/discipline-statistics/get-statistics-report.query.js';
import { csvRows } from '../projections/discipline-statistics/statistics-csv.js';
import type { CliContext } from './cli-context.js';
import { catchUp } from './projection-commands.js';

/** The seed article's period (2019 up to its publication), and its "since 2016". */
export const ARTICLE_YEAR: StatisticsPeriod = { from: '2019-01-01', to: '2019-12-03' };
export const SINCE_2016: StatisticsPeriod = { from: '2016-01-01', to: '2019-12-03' };

async function printReport(context: CliContext, title: string, period: StatisticsPeriod, organizationId: string): Promise<void> {
  const report = await context.get(QueryBus).execute(new GetStatisticsReport(period, organizationId));
  process.stdout.write(`\n${title}: ${report.organization?.name ?? ''}, ${period.from} to ${period.to}\n`);
  for (const row of csvRows(report).filter((r) => r.value !== 0)) {
    process.stdout.write(`  ${`${row.figure}.${row.breakdown}`.padEnd(72)} ${String(row.value).padStart(4)}  ${row.labelVi}\n`);
  }
}

/** Loads the demo through the CommandBus, brings every projection up to date and prints the district's reports. */
export async function seedDemoCommand(context: CliContext): Promise<void> {
  const started = Date.now();
  const summary = await seedDemo(context.app);
  process.stderr.write(
    `seed-demo: ${summary.grassrootsIds.length} grassroots organizations and ${summary.members} members loaded with their work in ${Math.round((Date.now() - started) / 1000)} s\n`,
  );
  await catchUp(context, undefined);
  await printReport(context, 'Statutory statistics', ARTICLE_YEAR, summary.districtId);
  await printReport(context, 'Since 2016', SINCE_2016, summary.districtId);
}
