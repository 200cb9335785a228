import { RuleViolationError } from '../shared/domain/errors.js';
import { appealHandlingDeadline } from './appeals.js';
import { lapseOn } from './lapse.js';
import { limitationLastDate } from './limitation.js';
import { defaultRulebook } from './rulebook.js';

const rulebook = defaultRulebook();
const plain = (committedOn: string) => ({ committedOn, graveOffences: [] });

describe('rule versions before 15 November 2017', () => {
  it('QĐ 181-QĐ/TW (30 Mar 2013): member discipline from 30 Mar 2013 is under QĐ 181 with the 2011 regulation on Charter chapters VII-VIII; nothing earlier is encoded', () => {
    expect(() => rulebook.versionInForce('2013-03-29')).toThrow(RuleViolationError);
    expect(rulebook.versionInForce('2013-03-30')).toMatchObject({
      id: 'qd181-2013+qd46-2011',
      documents: expect.arrayContaining(['Quy định 181-QĐ/TW (2013)', 'Hướng dẫn 09-HD/UBKTTW (2013)']) as never,
    });
  });

  it('QĐ 30-QĐ/TW (26 Jul 2016, in force on signing): procedure, effect and appeals follow it from that day, the 2011 regulation the day before', () => {
    expect(rulebook.versionInForce('2016-07-25').id).toBe('qd181-2013+qd46-2011');
    expect(rulebook.versionInForce('2016-07-26').id).toBe('qd181-2013+qd30-2016');
    expect(rulebook.versionInForce('2016-07-26').rules.effect.announcementWithin).toMatchObject({
      period: { amount: 15, unit: 'calendar-days' },
      citation: { document: 'Quy định 30-QĐ/TW (2016)' },
    });
  });

  it('QĐ 30-QĐ/TW: an appeal below central level is handled within 90 working days', () => {
    const deadline = appealHandlingDeadline('2016-08-01', 'district', rulebook.versionInForce('2016-08-01'));
    expect(deadline).toMatchObject({
      dueOn: '2016-12-05',
      ruleVersion: 'qd181-2013+qd30-2016',
      confirmed: true,
      citation: { document: 'Quy định 30-QĐ/TW (2016)' },
    });
  });

  it('the 2011 regulation (number 45 or 46 not confirmed): its handling periods are QĐ 30’s carried back and marked unconfirmed', () => {
    const deadline = appealHandlingDeadline('2015-03-02', 'district', rulebook.versionInForce('2015-03-02'));
    expect(deadline).toMatchObject({ ruleVersion: 'qd181-2013+qd46-2011', confirmed: false, citation: { document: 'Quy định 46-QĐ/TW (2011)' } });
  });

  it('QĐ 102-QĐ/TW (15 Nov 2017) replaces QĐ 181 on the day it was signed', () => {
    expect(rulebook.versionInForce('2017-11-14').id).toBe('qd181-2013+qd30-2016');
    expect(rulebook.versionInForce('2017-11-15').id).toBe('qd102-2017+qd30-2016');
  });

  it('QĐ 181-QĐ/TW: its limitation periods and lapse are not confirmed in the sources and are marked so', () => {
    const v2016 = rulebook.versionInForce('2016-09-01');
    expect(limitationLastDate([plain('2012-05-01')], 'member', 'reprimand', v2016)).toMatchObject({
      lastDate: '2017-05-01',
      confirmed: false,
      citation: { document: 'Quy định 181-QĐ/TW (2013)' },
    });
    const lapse = lapseOn({ form: 'warning', announcedOn: '2016-09-05', appealPending: false, violationsCommittedOn: [] }, '2017-09-05', v2016);
    expect(lapse).toMatchObject({ lapsedOn: '2017-09-05', confirmed: false, citation: { document: 'Quy định 181-QĐ/TW (2013)' } });
  });

  it('QĐ 07-QĐi/TW art. 5 cl. 2 (28 Aug 2018): an organization’s limitation (5 years reprimand, 10 warning, none dissolution) is cited to it from that day', () => {
    const before = rulebook.versionInForce('2018-08-27');
    const after = rulebook.versionInForce('2018-08-28');
    expect(after.id).toBe('qd102-2017+qd07-2018+qd30-2016');
    expect(limitationLastDate([plain('2015-01-10')], 'organization', 'reprimand', after)).toMatchObject({
      lastDate: '2020-01-10',
      confirmed: true,
      citation: { document: 'Quy định 07-QĐi/TW (2018)', article: 'art. 5 cl. 2' },
    });
    expect(limitationLastDate([plain('2015-01-10')], 'organization', 'warning', after).lastDate).toBe('2025-01-10');
    expect(limitationLastDate([plain('2015-01-10')], 'organization', 'dissolution', after).lastDate).toBeNull();
    expect(limitationLastDate([plain('2015-01-10')], 'organization', 'reprimand', before)).toMatchObject({ confirmed: false });
    expect(limitationLastDate([plain('2015-01-10')], 'member', 'reprimand', after).citation).toEqual({
      document: 'Quy định 102-QĐ/TW (2017)',
      article: 'art. 3',
    });
  });

  it('QĐ 07-QĐi/TW art. 5 cl. 2 stays the organizations’ rule under QĐ 22 (2021) until QĐ 69 replaces it on 6 Jul 2022', () => {
    const cite = (on: string) => limitationLastDate([plain('2015-01-10')], 'organization', 'reprimand', rulebook.versionInForce(on)).citation;
    expect(cite('2022-07-05')).toEqual({ document: 'Quy định 07-QĐi/TW (2018)', article: 'art. 5 cl. 2' });
    expect(cite('2022-07-06')).toEqual({ document: 'Quy định 69-QĐ/TW (2022)', article: 'art. 4 cl. 2' });
  });
});
