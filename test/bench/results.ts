import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

export interface BenchResult {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** Timed runs behind a latency. */
  readonly samples?: number;
}

/** What was measured on a store of `events` events. */
export interface SizeRun {
  readonly events: number;
  readonly results: readonly BenchResult[];
}

export interface BenchReport {
  readonly measuredAt: string;
  readonly machine: { readonly cpus: number; readonly cpuModel: string; readonly memoryGb: number; readonly node: string };
  readonly database: string;
  readonly store: readonly BenchResult[];
  readonly sizes: readonly SizeRun[];
}

/** The targets; `atLeast` for rates and ratios, else at most. */
const TARGETS: Readonly<Record<string, { readonly value: number; readonly atLeast: boolean }>> = {
  'append-1w-ratio': { value: 0.85, atLeast: true },
  'append-8w-ratio': { value: 0.85, atLeast: true },
  'batch-ratio': { value: 0.7, atLeast: true },
  'history-live-p99-ms': { value: 10, atLeast: false },
  'history-asof-p99-ms': { value: 50, atLeast: false },
  'history-asof-live-ratio': { value: 1.5, atLeast: false },
  'record-asof-p99-ms': { value: 50, atLeast: false },
  'statistics-asof-p99-ms': { value: 50, atLeast: false },
  'rebuild-ev-s': { value: 100_000, atLeast: true },
  'rebuild-rss-mb': { value: 300, atLeast: false },
  'verify-ev-s': { value: 300_000, atLeast: true },
  'lag-p99-ms': { value: 100, atLeast: false },
};

/** The plot's series: query latencies against the size of the store. */
const PLOTTED = ['history-live-p99-ms', 'history-asof-p99-ms', 'record-live-p99-ms', 'record-asof-p99-ms', 'statistics-live-p99-ms', 'statistics-asof-p99-ms'];
const COLOURS = ['#1b6ca8', '#d1495b', '#2e933c', '#edae49', '#6a4c93', '#00798c'];

export function machine(): BenchReport['machine'] {
  return { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version };
}

export function formatted(value: number): string {
  if (value >= 100) return Math.round(value).toLocaleString('en');
  return value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

/** One line per result, for tools that collect them. */
export function resultLine(result: BenchResult): string {
  return `RESULT ${result.name} ${Number(result.value.toPrecision(4))} ${result.unit}`;
}

function target(name: string): string {
  const goal = TARGETS[name];
  return goal ? `${goal.atLeast ? '≥' : '≤'} ${goal.value.toLocaleString('en')}` : '';
}

function verdict(result: BenchResult | undefined): string {
  const goal = result && TARGETS[result.name];
  if (!goal || !result) return '';
  return (goal.atLeast ? result.value >= goal.value : result.value <= goal.value) ? 'met' : 'missed';
}

function sizeLabel(events: number): string {
  return events >= 1_000_000 ? `${formatted(events / 1_000_000)}M` : `${Math.round(events / 1000)}k`;
}

export function markdown(report: BenchReport): string {
  const largest = report.sizes.at(-1);
  const names = [...new Set(report.sizes.flatMap((run) => run.results.map((result) => result.name)))];
  const header = [
    'result',
    ...report.sizes.map((run) => `${sizeLabel(run.events)} events`),
    'samples',
    'target',
    `at ${largest ? sizeLabel(largest.events) : '-'}`,
  ];
  const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const lines = [
    `Measured ${report.measuredAt} on ${report.machine.cpus} × ${report.machine.cpuModel}, ${report.machine.memoryGb} GiB, Node.js ${report.machine.node}; ${report.database}.`,
    '',
    ...(report.store.length > 0
      ? [
          row(['store result', 'value', 'target', '']),
          row(['---', '---:', '---', '---']),
          ...report.store.map((result) => row([result.name, formatted(result.value), target(result.name), verdict(result)])),
          '',
        ]
      : []),
    row(header),
    row(header.map((_, i) => (i === 0 || i >= header.length - 2 ? '---' : '---:'))),
    ...names.map((name) => {
      const found = report.sizes.map((run) => run.results.find((result) => result.name === name));
      const last = found.at(-1);
      return row([
        name,
        ...found.map((result) => (result ? formatted(result.value) : '')),
        last?.samples ? String(last.samples) : '',
        target(name),
        verdict(last),
      ]);
    }),
  ];
  return `${lines.join('\n')}\n`;
}

/** Query p99 against the store's size, both axes logarithmic. */
export function svgPlot(report: BenchReport): string {
  const width = 720;
  const height = 420;
  const margin = { left: 70, right: 200, top: 30, bottom: 50 };
  const points = PLOTTED.map((name) => ({
    name,
    points: report.sizes.flatMap((run) => {
      const result = run.results.find((candidate) => candidate.name === name);
      return result ? [{ x: run.events, y: Math.max(result.value, 0.1) }] : [];
    }),
  }));
  const xs = report.sizes.map((run) => run.events);
  const ys = points.flatMap((series) => series.points.map((point) => point.y));
  const decades = (values: readonly number[]) => [Math.floor(Math.log10(Math.min(...values))), Math.ceil(Math.log10(Math.max(...values)))] as const;
  const [x0, x1] = decades(xs);
  const [y0, y1] = decades(ys);
  const xAt = (x: number) => margin.left + ((Math.log10(x) - x0) / Math.max(x1 - x0, 1)) * (width - margin.left - margin.right);
  const yAt = (y: number) => height - margin.bottom - ((Math.log10(y) - y0) / Math.max(y1 - y0, 1)) * (height - margin.top - margin.bottom);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${margin.left}" y="18" font-size="14">Query p99 (ms) against events in the store</text>`,
  ];
  for (let decade = x0; decade <= Math.max(x1, x0 + 1); decade++) {
    const x = xAt(10 ** decade);
    parts.push(`<line x1="${x}" y1="${margin.top}" x2="${x}" y2="${height - margin.bottom}" stroke="#ddd"/>`);
    parts.push(`<text x="${x}" y="${height - margin.bottom + 18}" text-anchor="middle">${sizeLabel(10 ** decade)}</text>`);
  }
  for (let decade = y0; decade <= Math.max(y1, y0 + 1); decade++) {
    const y = yAt(10 ** decade);
    parts.push(`<line x1="${margin.left}" y1="${y}" x2="${width - margin.right}" y2="${y}" stroke="#ddd"/>`);
    parts.push(`<text x="${margin.left - 8}" y="${y + 4}" text-anchor="end">${formatted(10 ** decade)}</text>`);
  }
  parts.push(`<text x="${(margin.left + width - margin.right) / 2}" y="${height - 12}" text-anchor="middle">events in the store</text>`);
  for (const [index, series] of points.entries()) {
    const colour = COLOURS[index % COLOURS.length]!;
    const path = series.points.map((point) => `${xAt(point.x).toFixed(1)},${yAt(point.y).toFixed(1)}`).join(' ');
    parts.push(`<polyline points="${path}" fill="none" stroke="${colour}" stroke-width="2"/>`);
    for (const point of series.points) parts.push(`<circle cx="${xAt(point.x).toFixed(1)}" cy="${yAt(point.y).toFixed(1)}" r="3" fill="${colour}"/>`);
    const legendY = margin.top + 10 + index * 20;
    parts.push(
      `<line x1="${width - margin.right + 15}" y1="${legendY}" x2="${width - margin.right + 35}" y2="${legendY}" stroke="${colour}" stroke-width="2"/>`,
    );
    parts.push(`<text x="${width - margin.right + 40}" y="${legendY + 4}">${series.name}</text>`);
  }
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

export async function writeReport(folder: string, report: BenchReport): Promise<void> {
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'results.json'), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(join(folder, 'results.md'), markdown(report));
  await writeFile(join(folder, 'query-latency.svg'), svgPlot(report));
}
