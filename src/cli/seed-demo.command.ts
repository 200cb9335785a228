import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module.js';
import { seedDemo } from '../demo/seed-demo.js';
import type { AppConfig } from '../platform/config/app-config.js';
import { DisciplineStatisticsQuery, type StatisticsPeriod } from '../projections/discipline-statistics/discipline-statistics.query.js';
import { csvRows } from '../projections/discipline-statistics/statistics-csv.js';
import { openCliContext, type CliContext } from './cli-context.js';

/** The seed article's period (2019 up to its publication), and its "since 2016". */
export const ARTICLE_YEAR: StatisticsPeriod = { from: '2019-01-01', to: '2019-12-03' };
export const SINCE_2016: StatisticsPeriod = { from: '2016-01-01', to: '2019-12-03' };

async function printReport(context: CliContext, title: string, period: StatisticsPeriod, organizationId: string): Promise<void> {
  const report = await new DisciplineStatisticsQuery(context.readModels, context.deps.store).report(period, organizationId);
  process.stdout.write(`\n${title}: ${report.organization?.name ?? ''}, ${period.from} to ${period.to}\n`);
  for (const row of csvRows(report).filter((r) => r.value !== 0)) {
    process.stdout.write(`  ${`${row.figure}.${row.breakdown}`.padEnd(72)} ${String(row.value).padStart(4)}  ${row.labelVi}\n`);
  }
}

/**
 * Loads the demo through the application (its route handlers, its projections following), then, with the
 * application closed, brings every projection up to date and prints the district's reports.
 */
export async function seedDemoCommand(config: AppConfig, catchUp: (context: CliContext) => Promise<void>): Promise<void> {
  const started = Date.now();
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['warn', 'error'] });
  let districtId: string;
  try {
    const summary = await seedDemo(app);
    districtId = summary.districtId;
    process.stderr.write(`seed-demo: ${summary.grassrootsIds.length} grassroots organizations and ${summary.members} members loaded with their work in ${Math.round((Date.now() - started) / 1000)} s\n`);
  } finally {
    await app.close();
  }
  const context = await openCliContext(config);
  try {
    await catchUp(context);
    await printReport(context, 'Statutory statistics', ARTICLE_YEAR, districtId);
    await printReport(context, 'Since 2016', SINCE_2016, districtId);
  } finally {
    await context.close();
  }
}
