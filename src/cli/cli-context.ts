import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { ConsoleLogger, type INestApplicationContext, type LogLevel, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module.js';
import type { AppConfig } from '../platform/config/app-config.js';
import { ProjectionDependencies } from '../projections/projection-dependencies.js';
import { RequestContext, requestContext } from '../shared/request-context.js';

/** A command-line process: the service's own application (one composition root), without projection runners. */
export interface CliContext {
  readonly app: INestApplicationContext;
  readonly projections: ProjectionDependencies;
  get<T>(type: { prototype: T }): T;
  close(): Promise<void>;
}

const LOG_LEVELS: LogLevel[] = process.env.LOG_LEVEL === 'debug' ? ['log', 'warn', 'error', 'debug'] : ['warn', 'error'];

/** The service's log lines go to standard error: standard output is the command's answer (an export, a list). */
export class CommandLineLogger extends ConsoleLogger {
  constructor() {
    super({ logLevels: LOG_LEVELS });
  }

  protected override printMessages(messages: unknown[], context?: string, logLevel?: LogLevel, _stream?: 'stdout' | 'stderr', errorStack?: unknown): void {
    super.printMessages(messages, context, logLevel, 'stderr', errorStack);
  }
}

export async function openCliContext(config: AppConfig): Promise<CliContext> {
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, { runsProjections: false }), { logger: new CommandLineLogger() });
  const get = <T>(type: { prototype: T }): T => app.get(type as Type<T>, { strict: false });
  return { app, projections: get(ProjectionDependencies), get, close: () => app.close() };
}

/**
 * The operator at the command line acts over the whole tree, under a name of their own in the events'
 * metadata and the access records (`cli:<user>`).
 */
export function asOperator<T>(work: () => Promise<T>): Promise<T> {
  const actor = `cli:${userInfo().username}`;
  const context = new RequestContext(randomUUID(), randomUUID());
  context.authenticate(actor, [{ role: 'administrator', organizationId: null }]);
  return requestContext.run(context, work);
}
