import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../config/app-config.js';

const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** A caller's X-Request-Id is kept when it is safe to log; otherwise the server makes one. */
export function requestIdOf(request: IncomingMessage, response: ServerResponse): string {
  const offered = request.headers['x-request-id'];
  const id = typeof offered === 'string' && SAFE_REQUEST_ID.test(offered) ? offered : randomUUID();
  response.setHeader('X-Request-Id', id);
  return id;
}

@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.logLevel,
          // The id is given before any Nest middleware runs (see configureApp); this covers the rest.
          genReqId: (request: IncomingMessage & { id?: string }, response: ServerResponse) => request.id ?? requestIdOf(request, response),
          autoLogging: { ignore: (request: IncomingMessage) => request.url === '/metrics' || (request.url ?? '').startsWith('/health') },
          redact: ['req.headers.authorization', 'req.headers.cookie'],
        },
      }),
    }),
  ],
})
export class LoggingModule {}
