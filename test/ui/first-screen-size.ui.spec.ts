import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildAdminUi } from './browser.js';

const DIST = join(__dirname, '..', '..', 'dist', 'admin-ui');
/** What an officer's connection in a commune fetches before the first screen shows, compressed as it travels. */
const LIMIT = 250 * 1024;

/** The scripts index.html makes the browser fetch at once: the entry module and the chunks it preloads. */
function firstScreenScripts(): string[] {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  return [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*\brel="modulepreload"[^>]*\bhref)="\/([^"]+\.js)"/g)].map((match) => match[1]!);
}

describe('the admin UI as built', () => {
  beforeAll(() => buildAdminUi(), 240_000);

  it('sends the first screen in under 250 KB of gzip-compressed script, each other screen loading its own code', () => {
    const scripts = firstScreenScripts();
    expect(scripts.length).toBeGreaterThan(0);
    const size = scripts.reduce((total, script) => total + gzipSync(readFileSync(join(DIST, script))).length, 0);
    expect(size).toBeLessThan(LIMIT);
  });
});
