import { mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RuleViolationError } from '../shared/domain/errors.js';
import { defaultRulebookDir, loadRuleVersions, RulebookFormatError } from './load-rulebook.js';
import { defaultRulebook } from './rulebook.js';

const rulebook = defaultRulebook();

describe('rulebook versions', () => {
  it('selects the texts in force in 2019 (QĐ 102/2017 and QĐ 07/2018 with QĐ 30/2016) for a 2019 decision', () => {
    expect(rulebook.versionInForce('2019-12-03').id).toBe('qd102-2017+qd07-2018+qd30-2016');
  });

  it('selects QĐ 69/2022 with QĐ 22/2021 for a 2023 decision', () => {
    expect(rulebook.versionInForce('2023-05-10').id).toBe('qd69-2022+qd22-2021');
  });

  it('switches to QĐ 69 on the day it was signed (6 Jul 2022) and not the day before', () => {
    expect(rulebook.versionInForce('2022-07-05').id).toBe('qd102-2017+qd22-2021');
    expect(rulebook.versionInForce('2022-07-06').id).toBe('qd69-2022+qd22-2021');
  });

  it('selects the 264/262 amendments from 14 Feb 2025 and QĐ 296 from 30 May 2025', () => {
    expect(rulebook.versionInForce('2025-03-01').id).toBe('qd69-264-2025+qd22-262-2025');
    expect(rulebook.versionInForce('2025-05-30').id).toBe('qd69-264-2025+qd296-2025');
  });

  it('QĐ 296 drops district bodies, yet they acted until their organizations ended on 1 Jul 2025: the version keeps them, marked unconfirmed', () => {
    const structure = rulebook.versionInForce('2025-06-10').rules.structure;
    expect(structure.bodies.district).toEqual(['inspection-commission', 'standing-committee', 'executive-committee']);
    expect(structure.confirmed).toBe(false);
  });

  it('refuses a date before the first encoded version (QĐ 181-QĐ/TW, 30 Mar 2013), naming the versions', () => {
    expect(() => rulebook.versionInForce('2010-01-01')).toThrow(RuleViolationError);
  });

  it('marks as unconfirmed the numbers the sources do not settle (appeal window unit)', () => {
    const version = rulebook.versionInForce('2023-05-10');
    expect(version.rules.appeal.window.confirmed).toBe(false);
    expect(version.rules.limitation.confirmed).toBe(true);
  });
});

describe('loading versions as data', () => {
  function copyVersionsTo(): string {
    const dir = mkdtempSync(join(tmpdir(), 'rulebook-'));
    for (const name of readdirSync(defaultRulebookDir())) {
      writeFileSync(join(dir, name), readFileSync(join(defaultRulebookDir(), name)));
    }
    return dir;
  }

  it('a new version is added by dropping one JSON file in the folder', () => {
    const dir = copyVersionsTo();
    const latest = JSON.parse(readFileSync(join(dir, '2025-05-30.qd69-264-qd296.json'), 'utf8')) as { effectiveTo: string | null };
    latest.effectiveTo = '2026-04-10';
    writeFileSync(join(dir, '2025-05-30.qd69-264-qd296.json'), JSON.stringify(latest));
    writeFileSync(
      join(dir, '2026-04-11.qd21.json'),
      JSON.stringify({ ...latest, id: 'qd69-264-2025+qd21-2026', effectiveFrom: '2026-04-11', effectiveTo: null }),
    );
    const ids = loadRuleVersions(dir).map((v) => v.id);
    expect(ids.at(-1)).toBe('qd69-264-2025+qd21-2026');
  });

  it('rejects a version whose field has the wrong shape, naming the file and the field', () => {
    const dir = copyVersionsTo();
    const file = '2022-07-06.qd69-qd22.json';
    const json = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { rules: { lapse: { after: { unit: string } } } };
    json.rules.lapse.after.unit = 'fortnights';
    writeFileSync(join(dir, file), JSON.stringify(json));
    expect(() => loadRuleVersions(dir)).toThrow(RulebookFormatError);
    expect(() => loadRuleVersions(dir)).toThrow(`${file}: rules.lapse.after.unit: must be one of`);
  });

  it('rejects versions whose periods overlap', () => {
    const dir = copyVersionsTo();
    const file = '2017-11-15.qd102-qd30.json';
    const json = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { effectiveTo: string | null };
    json.effectiveTo = '2021-08-01';
    writeFileSync(join(dir, file), JSON.stringify(json));
    expect(() => loadRuleVersions(dir)).toThrow(`${file}: effectiveTo: overlaps`);
  });
});
