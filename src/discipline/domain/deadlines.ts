import { foldEvents } from '../../shared/domain/decider.js';
import { SANCTION_FORMS, type IsoDate } from '../../shared/domain/vocabulary.js';
import {
  announcementDeadline,
  appealWindowEnd,
  defaultRulebook,
  lapseOn,
  limitationLastDate,
  stateNoticeDeadline,
  type Citation,
  type Rulebook,
} from '../../rulebook/index.js';
import { evolveAppeal, type AppealState } from './appeal.decider.js';
import type { AppealEvent } from './appeal.events.js';
import { evolveDisciplineCase, lapseFacts, type DisciplineCaseState } from './discipline-case.decider.js';
import type { DisciplineCaseEvent } from './discipline-case.events.js';

export type DeadlineKind = 'limitation' | 'announcement' | 'appeal-window' | 'lapse' | 'state-notice' | 'appeal-handling';

export type Deadline = Readonly<{ kind: DeadlineKind; dueOn: IsoDate; ruleVersion: string; citation: Citation; confirmed: boolean; appealId?: string }>;

const initialCase: DisciplineCaseState = { status: 'none' };
const initialAppeal: AppealState = { status: 'none' };

/**
 * The open deadlines of a case and its appeals, derived from their events alone (for a query): the
 * limitation date while the case is open, the announcement deadline once decided, then the appeal window,
 * lapse and state-notice deadlines once in effect, and each pending appeal's handling deadline.
 */
export function disciplineDeadlines(
  caseEvents: readonly DisciplineCaseEvent[],
  appeals: readonly (readonly AppealEvent[])[] = [],
  rulebook: Rulebook = defaultRulebook(),
): Deadline[] {
  const state = foldEvents({ evolve: evolveDisciplineCase, initialState: () => initialCase }, caseEvents);
  return caseDeadlines(
    state,
    appeals.map((events) => events.reduce(evolveAppeal, initialAppeal)),
    rulebook,
  );
}

/** The same deadlines from states already folded (read models keep the states, not the events). */
export function caseDeadlines(state: DisciplineCaseState, appeals: readonly AppealState[], rulebook: Rulebook = defaultRulebook()): Deadline[] {
  const deadlines: Deadline[] = [];
  const pick = (kind: DeadlineKind, dueOn: IsoDate | null, applied: { ruleVersion: string; citation: Citation; confirmed: boolean }) => {
    if (dueOn !== null) deadlines.push({ kind, dueOn, ruleVersion: applied.ruleVersion, citation: applied.citation, confirmed: applied.confirmed });
  };

  switch (state.status) {
    case 'open': {
      const harshest = [...state.file.violations].sort((a, b) => SANCTION_FORMS.indexOf(b.level) - SANCTION_FORMS.indexOf(a.level))[0];
      if (harshest) {
        const limitation = limitationLastDate(state.file.violations, state.file.subject.kind, harshest.level, rulebook.versionInForce(state.file.lastActOn));
        pick('limitation', limitation.lastDate, limitation);
      }
      break;
    }
    case 'decided': {
      const version = rulebook.byId(state.decision.ruleVersion);
      const announcement = announcementDeadline(state.decision.decidingBody, state.decision.signedOn, version);
      pick('announcement', announcement.dueOn, announcement);
      break;
    }
    case 'in-effect': {
      const version = rulebook.byId(state.decision.ruleVersion);
      const window = appealWindowEnd(state.announcedOn, version);
      pick('appeal-window', window.lastDay, window);
      // A pending appeal or a new violation in the case holds the lapse: no date to alert on.
      const lapse = lapseOn(lapseFacts(state), state.announcedOn, version);
      pick('lapse', lapse.heldBy === null ? lapse.lapsesOn : null, lapse);
      const notice = stateNoticeDeadline(state.effectiveOn, version);
      pick('state-notice', notice.dueOn, notice);
      break;
    }
    case 'none':
    case 'not-disciplined':
    case 'lapsed':
    case 'annulled':
      break;
  }

  for (const appeal of appeals) {
    if (appeal.status !== 'under-review') continue;
    const version = rulebook.byId(appeal.appeal.ruleVersion);
    const rule = version.rules.appeal.handling.find((h) => h.levels.includes(appeal.appeal.reviewingBody.level));
    deadlines.push({
      kind: 'appeal-handling',
      dueOn: appeal.appeal.handlingDueOn,
      ruleVersion: version.id,
      citation: rule?.citation ?? version.rules.appeal.admissibility.citation,
      confirmed: rule?.confirmed ?? false,
      appealId: appeal.appeal.appealId,
    });
  }
  return deadlines.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}
