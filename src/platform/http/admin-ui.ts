import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/** Paths the service answers itself; every other GET is a page of the admin UI. */
const SERVICE_PATHS = /^\/(api|health|metrics)(\/|$)/;

/** The built admin UI (`npm run build` writes it to dist/admin-ui), found from the package root. */
export function adminUiDirectory(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(directory, 'package.json'))) {
    const parent = dirname(directory);
    if (parent === directory) break;
    directory = parent;
  }
  return join(directory, 'dist', 'admin-ui');
}

/**
 * Serves the admin UI at `/`: its files, and its page for any other path the browser asks for, so that
 * its own routes survive a reload. Without a build, the root leads to the API documentation.
 */
export function serveAdminUi(app: NestExpressApplication, directory = adminUiDirectory()): void {
  const page = join(directory, 'index.html');
  const http = app.getHttpAdapter();
  if (!existsSync(page)) {
    http.get('/', (_request, response) => http.redirect(response, 302, '/api/docs'));
    return;
  }
  app.useStaticAssets(directory, { index: false, immutable: true, maxAge: '365d' });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' || SERVICE_PATHS.test(request.path)) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(page);
  });
}
