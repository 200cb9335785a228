import 'reflect-metadata';
import { openCliContext } from '../../src/cli/cli-context.js';
import { loadConfig } from '../../src/platform/config/app-config.js';
import { rebuildProjection } from '../../src/projections/rebuild.js';
import { PROJECTIONS } from '../../src/projections/registry.js';

/**
 * Run by the scale benchmark in a process of its own, so that its peak resident memory is the rebuild's:
 * rebuilds every projection from the whole store, one after the other, and prints what it measured as JSON.
 */
const context = await openCliContext(loadConfig(process.env));
try {
  const rssBefore = process.resourceUsage().maxRSS;
  const started = performance.now();
  let events = 0;
  for (const projection of PROJECTIONS) events = (await rebuildProjection(projection, context.projections)).replayed;
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    `${JSON.stringify({ events, projections: PROJECTIONS.length, seconds, rssBeforeMb: rssBefore / 1024, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
  );
} finally {
  await context.close();
}
