import type { RebuildProgress } from '../projections/rebuild.js';

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** A progress line on stderr: redrawn in place on a terminal, one line a second otherwise (logs, CI). */
export class ProgressBar {
  private readonly startedAt = Date.now();
  private lastLineAt = 0;

  constructor(
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly now: () => number = Date.now,
  ) {}

  update({ replayed, total }: RebuildProgress, final = false): void {
    const elapsed = Math.max((this.now() - this.startedAt) / 1000, 0.001);
    if (!this.stream.isTTY && !final && this.now() - this.lastLineAt < 1000) return;
    this.lastLineAt = this.now();
    const rate = replayed / elapsed;
    const share = total > 0 ? Math.min(replayed / total, 1) : 1;
    const width = 30;
    const filled = Math.round(share * width);
    const eta = rate > 0 ? (total - replayed) / rate : Number.POSITIVE_INFINITY;
    const line =
      `${this.label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}% ` +
      `${replayed.toLocaleString('en')}/${total.toLocaleString('en')} events, ${Math.round(rate).toLocaleString('en')} events/s, ` +
      `ETA ${duration(Math.max(eta, 0))}`;
    if (this.stream.isTTY) this.stream.write(`\r${line}\x1b[K${final ? '\n' : ''}`);
    else this.stream.write(`${line}\n`);
  }
}
