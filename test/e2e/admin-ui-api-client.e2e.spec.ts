import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createTestApp } from '../support/test-app.js';

const ROOT = join(__dirname, '..', '..');
const COMMITTED = join(ROOT, 'src', 'admin-ui', 'api', 'generated');

function files(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe('the admin UI’s API client', () => {
  let app: NestExpressApplication;

  beforeAll(async () => {
    app = await createTestApp(process.env.PGLITE_TEST_URL!);
  });
  afterAll(async () => {
    await app.close();
  });

  it('is generated from the OpenAPI document the service serves now (run `npm run ui:api` after changing a route)', async () => {
    const document = await request(app.getHttpServer()).get('/api/docs-json').expect(200);
    const scratch = mkdtempSync(join(tmpdir(), 'disciplina-api-client-'));
    writeFileSync(join(scratch, 'openapi.json'), JSON.stringify(document.body, null, 2));
    execFileSync(
      join(ROOT, 'node_modules', '.bin', 'openapi-ts'),
      ['-f', 'src/admin-ui/openapi-ts.config.mjs', '-i', join(scratch, 'openapi.json'), '-o', join(scratch, 'generated'), '--silent'],
      {
        cwd: ROOT,
      },
    );
    const generated = files(join(scratch, 'generated'))
      .map((path) => relative(join(scratch, 'generated'), path))
      .sort();
    expect(generated).toEqual(
      files(COMMITTED)
        .map((path) => relative(COMMITTED, path))
        .sort(),
    );
    for (const file of generated) {
      expect([file, readFileSync(join(COMMITTED, file), 'utf8')]).toEqual([file, readFileSync(join(scratch, 'generated', file), 'utf8')]);
    }
  }, 60_000);
});
