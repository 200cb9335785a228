import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { AppConfig } from '../platform/config/app-config.js';
import { SignScheduledAuditCheckpoint } from './audit-operations.js';

/** Injection token: whether this process signs checkpoints on the schedule (the service does; a command-line process does not). */
export abstract class CheckpointScheduleEnabled {
  abstract readonly enabled: boolean;
}

/**
 * Signs a checkpoint every AUDIT_CHECKPOINT_INTERVAL_SECONDS when the store has changed since the latest
 * one, so a rolled-back tail is never older than one interval. A failed run is logged and tried again at
 * the next tick. It stops before the database closes.
 */
@Injectable()
export class CheckpointSchedule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Audit');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly config: AppConfig,
    private readonly enabled: CheckpointScheduleEnabled,
    private readonly commands: CommandBus,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.auditCheckpointIntervalSeconds;
    if (!this.enabled.enabled || seconds === 0) return;
    this.timer = setInterval(() => {
      this.running ??= this.tick().finally(() => (this.running = undefined));
    }, seconds * 1000);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    try {
      const signed = await this.commands.execute(new SignScheduledAuditCheckpoint());
      if (signed) this.logger.log(`Signed checkpoint ${signed.statement.checkpointId}: ${signed.statement.streams} streams, ${signed.statement.events} events`);
    } catch (error) {
      this.logger.error(`The scheduled audit checkpoint failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
