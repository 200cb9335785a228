import type { IsoDate } from '../shared/domain/vocabulary.js';
import { periodEnd } from './dates.js';
import { applied, type Applied, type RuleVersion } from './rule-version.js';

export type StateNoticeDeadline = Applied & Readonly<{ from: IsoDate; dueOn: IsoDate }>;

/** After a party decision, matching action by the state body is directed or proposed within 5 days (QĐ 296 art. 8). */
export function stateNoticeDeadline(from: IsoDate, version: RuleVersion): StateNoticeDeadline {
  const rule = version.rules.stateCoupling;
  return { ...applied(version, rule), from, dueOn: periodEnd(from, rule.within) };
}
