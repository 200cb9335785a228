import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import axe from 'axe-core';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { expectVietnamese } from './vietnamese-screen.js';

/** Debian's Chromium (`apt-get install chromium`), or the one CHROMIUM_PATH names. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(__dirname, 'screenshots');

export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  console.warn(`No Chromium at ${CHROMIUM}: the browser tests are not run here (install Debian's chromium, or set CHROMIUM_PATH); CI runs them.`);
  return false;
}

/** The admin UI as `npm run build` makes it, into dist/admin-ui, where the service serves it from. */
export function buildAdminUi(): void {
  execFileSync(join(__dirname, '..', '..', 'node_modules', '.bin', 'vite'), ['build', '--config', 'src/admin-ui/vite.config.ts', '--logLevel', 'error'], {
    cwd: join(__dirname, '..', '..'),
    stdio: 'inherit',
  });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // This machine's network is closed: background fetches only fail slowly.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** An input's label exactly, with or without the asterisk of a required field. */
export function labelled(label: string): RegExp {
  return new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\*?$`);
}

/** Picks an option of a Mantine Select (searchable or not) by its label. */
export async function choose(scope: Page | Locator, label: string, option: string): Promise<void> {
  const input = scope.getByLabel(labelled(label)).first();
  // A MultiSelect's pills box lies over its input and takes the click for it.
  await input.click({ force: true });
  if ((await input.getAttribute('readonly')) === null) await input.fill(option);
  const page = 'page' in scope ? scope.page() : scope;
  await page.getByRole('option', { name: option, exact: true }).first().click();
}

/** A page as the walks use it: a laptop's viewport, 15 s for each step, and the page's own errors kept in `errors`. */
export async function walkPage(browser: Browser, errors: string[], options: { readonly acceptDownloads?: boolean } = {}): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 860 }, ...options });
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (error) => errors.push(error.message));
  return page;
}

/** What axe reports of one rule broken on a screen: enough to find the element without a screenshot. */
interface Violation {
  readonly rule: string;
  readonly impact: string;
  readonly help: string;
  readonly targets: readonly string[];
}

/**
 * The checks every screen of the walks passes, as it stands: accessible, and when in Vietnamese, with no English
 * word on it but the proper `names` the walk gave (usernames). `screen` names the screen in a failure.
 */
export async function checkScreen(page: Page, screen: string, names: readonly string[] = []): Promise<void> {
  await expectAccessible(page, screen);
  if ((await page.locator('html').getAttribute('lang')) === 'vi') await expectVietnamese(page, screen, names);
}

/** Runs axe and expects no serious or critical violation: the officers' screens are used by keyboard and screen reader too. */
async function expectAccessible(page: Page, screen: string): Promise<void> {
  // Evaluated rather than added as a script tag: the service's content security policy refuses inline scripts.
  // The functions below run in the page, where axe is a global once evaluated there.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const results = await (globalThis as unknown as { axe: typeof axe }).axe.run({ resultTypes: ['violations'] });
    return results.violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? 'unknown',
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  });
  const blocking: Violation[] = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect({ screen, violations: blocking }).toEqual({ screen, violations: [] });
}
