import type { IsoDate } from '../shared/domain/vocabulary.js';
import { periodEnd } from './dates.js';
import { applied, type Applied, type RuleVersion } from './rule-version.js';
import type { DecidingBody } from './subject.js';

export type AnnouncementDeadline = Applied & Readonly<{ signedOn: IsoDate; dueOn: IsoDate; kind: 'cell-hand-over' | 'announcement' }>;

/** Deadline to hand over (cell) or announce (other bodies) a signed decision (QĐ 30/2016: 10 and 15 days). */
export function announcementDeadline(body: DecidingBody, signedOn: IsoDate, version: RuleVersion): AnnouncementDeadline {
  const isCell = body.bodyKind === 'cell';
  const rule = isCell ? version.rules.effect.cellHandOverWithin : version.rules.effect.announcementWithin;
  return { ...applied(version, rule), signedOn, dueOn: periodEnd(signedOn, rule.period), kind: isCell ? 'cell-hand-over' : 'announcement' };
}

export type EffectiveDate = Applied & Readonly<{ effectiveOn: IsoDate; basis: 'announcement' | 'cell-vote-result-announcement' }>;

/** A decision takes effect on announcement; a cell's when the cell announces the vote result (Charter art. 39 cl. 6). */
export function effectiveOn(
  body: DecidingBody,
  announced: Readonly<{ announcedOn: IsoDate; voteResultAnnouncedOn: IsoDate | null }>,
  version: RuleVersion,
): EffectiveDate {
  const rule = version.rules.effect;
  if (body.bodyKind === 'cell' && rule.cellDecisionEffectiveOnVoteResultAnnouncement && announced.voteResultAnnouncedOn !== null) {
    return { ...applied(version, rule), effectiveOn: announced.voteResultAnnouncedOn, basis: 'cell-vote-result-announcement' };
  }
  return { ...applied(version, rule), effectiveOn: announced.announcedOn, basis: 'announcement' };
}
