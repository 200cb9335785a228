import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from '../app.module.js';
import type { AppConfig } from '../platform/config/app-config.js';
import { apiDocument, configureApp } from '../platform/http/configure-app.js';
import { CommandLineLogger } from './cli-context.js';

/** Prints the OpenAPI document the service serves, without serving it: the admin UI's API types come from it. */
export async function openApiDocumentCommand(config: AppConfig): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, { runsProjections: false }), {
    logger: new CommandLineLogger(),
    bodyParser: false,
  });
  try {
    configureApp(app, config);
    process.stdout.write(`${JSON.stringify(apiDocument(app), null, 2)}\n`);
  } finally {
    await app.close();
  }
}
