import { RequestMethod } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import helmet from 'helmet';
import type { NextFunction, Request, Response } from 'express';
import type { AppConfig } from '../config/app-config.js';
import { requestIdOf } from '../logging/logging.module.js';
import { RequestContext, requestContext } from '../../shared/request-context.js';
import { serveAdminUi } from './admin-ui.js';
import { refuseDeepBodies } from './body-depth.js';
import { ProblemDetailsFilter } from './problem-details.filter.js';
import { StreamETagInterceptor } from './stream-versioning.js';
import { createValidationPipe } from './validation.js';

export const API_PREFIX = 'api/v1';

/** Everything HTTP that the service and its end-to-end tests share, applied in one place. */
export function configureApp(app: NestExpressApplication, config: AppConfig): void {
  app.disable('x-powered-by');
  // ETags are stream versions only (If-Match); Express' content hashes would pass for them.
  app.set('etag', false);
  // The client's address (rate limits, access records) is the socket's peer, or what the trusted proxies forward.
  app.set('trust proxy', config.trustProxy);
  app.use((request: Request & { id?: string }, response: Response, next: NextFunction) => {
    const requestId = requestIdOf(request, response);
    request.id = requestId;
    const correlation = request.header('x-correlation-id');
    const correlationId = correlation && correlation.length <= 100 ? correlation : requestId;
    requestContext.run(new RequestContext(requestId, correlationId), next);
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // The API documentation page styles itself inline; scripts come from this origin only.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
        },
      },
    }),
  );
  app.enableCors({ origin: [...config.corsOrigins], credentials: false, exposedHeaders: ['ETag', 'Location', 'X-Request-Id', 'Retry-After'] });
  app.useBodyParser('json', { limit: config.bodyLimitBytes });
  app.use(refuseDeepBodies);
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
    ],
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalInterceptors(new StreamETagInterceptor());
  app.enableShutdownHooks();

  SwaggerModule.setup('api/docs', app, apiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
  serveAdminUi(app);
}

/** The OpenAPI document of every route, as served at /api/docs-json (the admin UI's API types are generated from it). */
export function apiDocument(app: NestExpressApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Disciplina')
      .setDescription(
        'Inspection, supervision and discipline of party organizations and members, as immutable events. ' +
          'Log in with `POST /api/v1/auth/login`, then press Authorize and paste the `accessToken`.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
}
