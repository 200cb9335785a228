import type { ActingBody } from '../../shared/domain/acting-body.js';
import type { Event } from '../../shared/domain/decider.js';
import type { ActDates } from '../../shared/domain/valid-time.js';
import type { IsoDate, SanctionForm, SubjectRef } from '../../shared/domain/vocabulary.js';
import type { Citation, DecidingBody, RestorationItem, SubjectFacts } from '../../rulebook/index.js';
import type { AppealedSanction } from './appeal.commands.js';

export type AppealFiled = Event<
  'AppealFiled',
  {
    appealId: string;
    appellant: SubjectRef;
    subject: SubjectFacts;
    sanction: AppealedSanction;
    receivedOn: IsoDate;
    filedOn: IsoDate;
    windowLastDay: IsoDate;
    reviewingBody: DecidingBody;
    handlingDueOn: IsoDate;
    /** The sanction is carried out while the appeal is pending (Charter art. 39). */
    sanctionRemainsInForce: true;
    ruleVersion: string;
    citations: readonly Citation[];
    /** Absent from the appeals filed before confidential cases were recorded: ordinary ones. */
    confidentialTo?: ActingBody | null;
  }
>;
export type AppealReferredUpward = Event<
  'AppealReferredUpward',
  { from: DecidingBody; to: DecidingBody; proposedForm: SanctionForm; referredOn: IsoDate; handlingDueOn: IsoDate; ruleVersion: string; citation: Citation }
>;
type Decided = {
  decidedBy: DecidingBody;
  decidedOn: IsoDate;
  decisionNumber: string;
  /** When the decision was announced; absent from decisions recorded before the case's follow-up read it here (then decidedOn). */
  announcedOn?: IsoDate;
  afterHandlingDeadline: boolean;
  ruleVersion: string;
};
export type SanctionUpheld = Event<'SanctionUpheld', Decided & { form: SanctionForm }>;
export type SanctionChanged = Event<'SanctionChanged', Decided & { fromForm: SanctionForm; toForm: SanctionForm; authorityGrant: string }>;
export type SanctionAnnulled = Event<'SanctionAnnulled', Decided & { form: SanctionForm; reason: string }>;
/** One thing the annulled sanction took away, to be given back (QĐ 117-QĐ/TW). */
export type RestorationOrdered = Event<
  'RestorationOrdered',
  { appealId: string; subject: SubjectRef; item: RestorationItem; annulledForm: SanctionForm; orderedOn: IsoDate; ruleVersion: string; citation: Citation }
>;

export type AppealEvent = AppealFiled | AppealReferredUpward | SanctionUpheld | SanctionChanged | SanctionAnnulled | RestorationOrdered;

export const APPEAL_ACT_DATES: ActDates<AppealEvent> = {
  AppealFiled: (e) => e.data.filedOn,
  AppealReferredUpward: (e) => e.data.referredOn,
  SanctionUpheld: (e) => e.data.decidedOn,
  SanctionChanged: (e) => e.data.decidedOn,
  SanctionAnnulled: (e) => e.data.decidedOn,
  RestorationOrdered: (e) => e.data.orderedOn,
};
