import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INPUT_REFUSALS } from './input-refusals.js';
import { isProblemCode, refusalText } from './catalogue.js';
import { EVERY_WORDING, sampleParticulars } from './every-wording.js';
import { VALIDATION_REFUSALS } from './validation-refusals.js';

const SRC = join(__dirname, '..', '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'admin-ui' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

const SOURCE = sourceFiles(SRC)
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n');

function found(pattern: RegExp): string[] {
  return [...new Set([...SOURCE.matchAll(pattern)].map((match) => match[1]!))].sort();
}

const ENGLISH_WORDS = new Set(
  'the is are be must not no of and or a for with only may this that which has have been was its it at by from into yet already cannot can should before after than more less least most one any every each unknown missing invalid refused allowed required none state request body field value token account grant grants organization member inspection case appeal rule level form ballot decision date day days period'.split(
    ' ',
  ),
);

/** Words of a Vietnamese text outside what it may quote as it is: values (‹…›), codes, fields, paths. */
function englishWordsIn(text: string): string[] {
  return text
    .replace(/‹[^›]*›/g, ' ')
    .replace(/"[^"]*"/g, ' ')
    .split(/[^\p{L}\p{N}_./-]+/u)
    .filter((word) => ENGLISH_WORDS.has(word.toLowerCase()));
}

describe('the refusals catalogue', () => {
  it.each([...EVERY_WORDING])('words %s in English and in proper Vietnamese', (_, wording) => {
    for (const has of [true, false]) {
      const [en, vi] = [wording.en(sampleParticulars(has)), wording.vi(sampleParticulars(has))];
      expect(en.trim()).not.toBe('');
      expect(vi.normalize('NFD')).toMatch(/[\u0300-\u0323đĐ]/u);
      expect(englishWordsIn(vi)).toEqual([]);
    }
  });

  it('has a wording for every problem code the source raises', () => {
    const codes = [
      ...found(/new ProblemError\(\s*\d+,\s*'([a-z-]+)'/g),
      ...found(/new RuleViolationError\(\s*'([a-z-]+)'/g),
      ...found(/readonly code = '([a-z-]+)'/g),
      ...found(/^\s+\d{3}: '([a-z-]+)',$/gm),
      ...found(/refused\(\s*\d+,\s*'([a-z-]+)'/g),
    ];
    expect(codes.length).toBeGreaterThan(40);
    expect(codes.filter((code) => !isProblemCode(code))).toEqual([]);
  });

  it('has a wording for every reason a refusal gives, not the generic one of its code', () => {
    const reasons = [
      ...[...SOURCE.matchAll(/new ProblemError\(\s*\d+,\s*'([a-z-]+)',\s*\{\s*reason:\s*'([a-z-]+)'/g)].map((m) => [m[1]!, m[2]!] as const),
      ...[...SOURCE.matchAll(/unauthenticated\('([a-z-]+)'/g)].map((m) => ['unauthenticated', m[1]!] as const),
      ...[...SOURCE.matchAll(/notAdmissible\('([a-z-]+)'/g)].map((m) => ['appeal-not-admissible', m[1]!] as const),
      ...[...SOURCE.matchAll(/'(vote-below-threshold|appeal-not-admissible)',\s*\{\s*reason:\s*'([a-z-]+)'/g)].map((m) => [m[1]!, m[2]!] as const),
    ];
    expect(reasons.length).toBeGreaterThan(20);
    const generic = reasons.filter(([code, reason]) => isProblemCode(code) && refusalText(code, { reason }, 'en') === refusalText(code, { reason: '' }, 'en'));
    expect(generic).toEqual([]);
  });

  it('has a wording for every rule of invalid input the source names', () => {
    const rules = [
      ...found(/new InvalidInputError\([^,]+,\s*'([a-z-]+)'/g),
      ...found(/requireNotBefore\([^;]*'([a-z-]+)'\);/g).map((name) => `not-before-${name}`),
    ];
    expect(rules.length).toBeGreaterThan(40);
    expect(rules.filter((rule) => !Object.hasOwn(INPUT_REFUSALS, rule))).toEqual([]);
  });

  it('has a wording for every validation rule: each class-validator decorator the requests use, and the service’s own', () => {
    const notRules = new Set(['IsOptional', 'ValidateIf', 'ValidateBy', 'Allow', 'ValidationOptions', 'ValidationError', 'getMetadataStorage']);
    const named: Record<string, string> = { IsUUID: 'isUuid', IsISO8601: 'isIso8601', Length: 'isLength', ValidateNested: 'nestedValidation' };
    const decorators = [...SOURCE.matchAll(/import \{([^}]*)\} from 'class-validator'/g)]
      .flatMap((m) => m[1]!.split(','))
      .map((name) => name.replace(/^\s*type\s+/, '').trim())
      .filter((name) => name !== '' && !notRules.has(name));
    const rules = [
      ...decorators.map((name) => named[name] ?? name.charAt(0).toLowerCase() + name.slice(1)),
      ...found(/MatchesRule\('(\w+)'/g),
      ...found(/ValidateBy\(\{\s*name:\s*'(\w+)'/g),
      ...found(/rule:\s*'(\w+)'\s*\}\]/g),
      'whitelistValidation',
      'unknownValue',
    ];
    expect(decorators.length).toBeGreaterThan(10);
    expect(rules.filter((rule) => !Object.hasOwn(VALIDATION_REFUSALS, rule))).toEqual([]);
  });

  it('fills a refusal in from its details, in each language', () => {
    const details = { field: 'period.to', rule: 'not-before-from', from: '2026-05-01', to: '2026-04-01' };
    expect(refusalText('invalid-input', details, 'en')).toBe('The period ends (2026-04-01) before it starts (2026-05-01)');
    expect(refusalText('invalid-input', details, 'vi')).toBe('Kỳ kết thúc (01/04/2026) trước ngày bắt đầu (01/05/2026)');
    expect(refusalText('form-not-allowed', { form: 'dismissal' }, 'vi')).toBe('Cách chức không phải hình thức kỷ luật áp dụng cho đối tượng này');
  });
});
