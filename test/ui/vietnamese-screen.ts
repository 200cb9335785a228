import type { Page } from 'playwright-core';
import { en } from '../../src/admin-ui/i18n/en.js';
import { humanize } from '../../src/admin-ui/i18n/humanize.js';
import { vi, viCommands, viEvents, viFields, viValues } from '../../src/admin-ui/i18n/vi.js';
import { EVERY_WORDING, sampleParticulars } from '../../src/shared/domain/refusals/every-wording.js';

/** The words of a text, lower case: letters only, so ids, numbers and punctuation fall apart. */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((word) => word !== '');
}

/** A word that is English only: plain letters, long enough not to be a Vietnamese syllable written without marks. */
const ENGLISH_SHAPE = /^[a-z]{3,}$/;

/** Every refusal of the catalogue in a language, each branch, less what it quotes as it is (`‹field›`: names, values, codes). */
function refusalTexts(language: 'en' | 'vi'): string[] {
  return EVERY_WORDING.flatMap(([, wording]) => [true, false].map((has) => wording[language](sampleParticulars(has)).replace(/‹[^›]*›/g, ' ')));
}

interface OpenApiNode {
  readonly [key: string]: unknown;
}

/** The API's own names as the UI would show them untranslated: commands' summaries, humanized properties and values. */
function apiTexts(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const item of node) apiTexts(item, found);
  } else if (node !== null && typeof node === 'object') {
    const object = node as OpenApiNode;
    const command = object.post as OpenApiNode | undefined;
    if (typeof command?.summary === 'string') found.push(command.summary);
    if (Array.isArray(object.enum)) found.push(...object.enum.filter((value): value is string => typeof value === 'string').map(humanize));
    if (object.properties && typeof object.properties === 'object') found.push(...Object.keys(object.properties).map(humanize));
    for (const [key, value] of Object.entries(object)) if (key !== 'description' && key !== 'example') apiTexts(value, found);
  }
  return found;
}

/** Names the Vietnamese screens show as they are: the product's name and the language switch. */
const PROPER_NAMES = ['disciplina', 'english'];

/**
 * The English words an officer could meet on a Vietnamese screen by mistake: the UI's English strings, the
 * API's names and summaries as the UI shows what it has no Vietnamese for, and the API's English refusals;
 * less every word the Vietnamese texts use themselves (names, codes, terms kept as they are).
 */
export function englishVocabulary(openApi: unknown): ReadonlySet<string> {
  const vietnamese = new Set(
    [
      ...Object.values(vi),
      ...Object.values(viFields),
      ...Object.values(viValues),
      ...Object.values(viCommands),
      ...Object.values(viEvents),
      ...refusalTexts('vi'),
    ].flatMap(words),
  );
  const english = [...Object.values(en), ...apiTexts(openApi), ...refusalTexts('en')].flatMap(words);
  return new Set(english.filter((word) => ENGLISH_SHAPE.test(word) && !vietnamese.has(word) && !PROPER_NAMES.includes(word)));
}

const vocabularies = new Map<string, Promise<ReadonlySet<string>>>();

async function vocabularyOf(page: Page): Promise<ReadonlySet<string>> {
  const origin = new URL(page.url()).origin;
  if (!vocabularies.has(origin)) {
    vocabularies.set(
      origin,
      page.request.get(`${origin}/api/docs-json`).then(async (answer) => englishVocabulary(await answer.json())),
    );
  }
  return vocabularies.get(origin)!;
}

/**
 * What the screen says to sighted and screen-reader users alike, its text and its labelling attributes, less
 * what it marks as code (`<code>`: identifiers shown as they are).
 */
async function screenText(page: Page, names: readonly string[]): Promise<string> {
  const labelling = ['aria-label', 'placeholder', 'title', 'alt'];
  const attributes = await page
    .locator(labelling.map((name) => `[${name}]`).join(','))
    .evaluateAll((elements, names) => elements.flatMap((element) => names.map((name) => element.getAttribute(name) ?? '')), labelling);
  const without = (text: string, kept: readonly string[]) => kept.reduce((shown, each) => shown.replaceAll(each, ' '), text);
  const body = without(await page.locator('body').innerText(), await page.locator('code').allInnerTexts());
  return [body, ...attributes].map((text) => without(text, names)).join('\n');
}

/**
 * Expects a Vietnamese screen to show no English word of the vocabulary, outside proper names (the product's,
 * and the `names` the caller gave) and codes (marked as code, or a token with a digit in it: an id, a date, a
 * citation). `screen` names the screen in the failure, with the line each word is on.
 */
export async function expectVietnamese(page: Page, screen: string, names: readonly string[]): Promise<void> {
  const vocabulary = await vocabularyOf(page);
  const lines = (await screenText(page, names)).split('\n');
  const english = lines.flatMap((line) =>
    line
      .split(/\s+/)
      .filter((token) => !/\d/.test(token))
      .flatMap(words)
      .filter((word) => vocabulary.has(word))
      .map((word) => `${word} (in "${line.trim().slice(0, 80)}")`),
  );
  expect({ screen, english }).toEqual({ screen, english: [] });
}
