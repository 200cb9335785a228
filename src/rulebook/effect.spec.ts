import { SANCTION_FORMS } from '../shared/domain/vocabulary.js';
import { electionBarUntil, planningBarUntil, removesFromPlanning } from './consequences.js';
import { announcementDeadline, effectiveOn } from './effect.js';
import { lapseDate } from './lapse.js';
import { defaultRulebook } from './rulebook.js';
import { body, CELL, DISTRICT } from './rulebook.fixtures.js';
import { stateNoticeDeadline } from './state-coupling.js';

const v2019 = defaultRulebook().versionInForce('2019-06-01');
const v2023 = defaultRulebook().versionInForce('2023-05-10');

describe('effect and announcement (Charter art. 39 cl. 6; QĐ 30/2016)', () => {
  it('QĐ 30/2016: a cell hands over its written decision within 10 days, other bodies announce within 15', () => {
    expect(announcementDeadline(body(CELL, 'cell'), '2019-06-03', v2019)).toMatchObject({ dueOn: '2019-06-13', kind: 'cell-hand-over', confirmed: true });
    expect(announcementDeadline(body(DISTRICT, 'inspection-commission'), '2019-06-03', v2019)).toMatchObject({ dueOn: '2019-06-18', confirmed: true });
  });

  it('QĐ 30/2016 figures carried into QĐ 22 are flagged unconfirmed', () => {
    expect(announcementDeadline(body(DISTRICT, 'inspection-commission'), '2023-06-03', v2023).confirmed).toBe(false);
  });

  it("Charter art. 39 cl. 6: a decision takes effect on announcement; a cell's when the cell announces the vote result", () => {
    expect(effectiveOn(body(DISTRICT, 'inspection-commission'), { announcedOn: '2023-06-10', voteResultAnnouncedOn: null }, v2023).effectiveOn).toBe(
      '2023-06-10',
    );
    expect(effectiveOn(body(CELL, 'cell'), { announcedOn: '2023-06-10', voteResultAnnouncedOn: '2023-06-01' }, v2023)).toMatchObject({
      effectiveOn: '2023-06-01',
      basis: 'cell-vote-result-announcement',
    });
  });
});

describe('lapse (QĐ 69 art. 2 cl. 5)', () => {
  it('QĐ 69 art. 2 cl. 5: a warning lapses 12 months after its announcement', () => {
    expect(lapseDate('2023-06-10', 'warning', v2023)).toMatchObject({ lapsesOn: '2024-06-10', citation: { article: 'art. 2 cl. 5' } });
  });

  it('QĐ 69 art. 2 cl. 5: expulsion and dissolution never lapse', () => {
    expect(lapseDate('2023-06-10', 'expulsion', v2023).lapsesOn).toBeNull();
    expect(lapseDate('2023-06-10', 'dissolution', v2023).lapsesOn).toBeNull();
  });
});

describe('consequences (Charter art. 40 cl. 3; QĐ 80/2022)', () => {
  it('Charter art. 40 cl. 3: after dismissal, one year without election or appointment to an equal or higher post', () => {
    expect(electionBarUntil('2023-06-10', 'dismissal', v2023)).toMatchObject({ barredUntil: '2024-06-10', citation: { article: 'art. 40 cl. 3' } });
    expect(electionBarUntil('2023-06-10', 'warning', v2023).barredUntil).toBeNull();
  });

  it('QĐ 80/2022: planning bars of 12 months after a reprimand, 30 after a warning, 60 after dismissal', () => {
    expect(['reprimand', 'warning', 'dismissal'].map((form) => planningBarUntil('2023-06-10', form as 'reprimand', v2023).barredUntil)).toEqual([
      '2024-06-10',
      '2025-12-10',
      '2028-06-10',
    ]);
  });

  it('QĐ 80/2022: a reprimand, warning, dismissal or expulsion taking effect takes the member off planning; dissolution, of an organization, does not', () => {
    expect(SANCTION_FORMS.filter((form) => removesFromPlanning(form, v2023).removes)).toEqual(['reprimand', 'warning', 'dismissal', 'expulsion']);
    expect(removesFromPlanning('warning', v2023).citation.document).toContain('80-QĐ/TW');
  });
});

describe('state coupling (QĐ 296 art. 8)', () => {
  it('QĐ 296 art. 8: matching action by the state body is proposed within 5 days of the party decision', () => {
    const v2026 = defaultRulebook().versionInForce('2026-01-05');
    expect(stateNoticeDeadline('2026-01-05', v2026)).toMatchObject({ dueOn: '2026-01-10', confirmed: true, citation: { article: 'art. 8' } });
  });
});
