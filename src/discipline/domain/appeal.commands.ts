import type { ActingBody } from '../../shared/domain/acting-body.js';
import type { Command } from '../../shared/domain/decider.js';
import type { IsoDate, SanctionForm, SubjectRef } from '../../shared/domain/vocabulary.js';
import type { AppealHandover, DecidingBody, SubjectFacts } from '../../rulebook/index.js';

export type AppealedSanction = Readonly<{
  caseId: string;
  form: SanctionForm;
  decidingBody: DecidingBody;
  decisionNumber: string;
  signedOn: IsoDate;
  ruleVersion: string;
}>;

export type FileAppeal = Command<
  'fileAppeal',
  {
    appealId: string;
    appellant: SubjectRef;
    subject: SubjectFacts;
    sanction: AppealedSanction;
    receivedOn: IsoDate;
    filedOn: IsoDate;
    reviewingBody: DecidingBody;
    /** The body considering the case, when it is confidential: its appeals are confidential with it. */
    confidentialTo: ActingBody | null;
    /** Earlier appeals against the same sanction, as the handler found them. */
    previousAppeals: readonly Readonly<{ appealId: string; reviewingBody: DecidingBody; status: 'pending' | 'decided' }>[];
    /** The appeals handed over by bodies of the organizations above the sanction, as the handler found them. */
    handovers: readonly AppealHandover[];
  }
>;
/** What every decision on an appeal states; `announcedOn` is the date the case records the outcome on. */
type AppealDecision = { decidedOn: IsoDate; decisionNumber: string; announcedOn: IsoDate };
export type UpholdSanction = Command<'upholdSanction', AppealDecision>;
export type ChangeSanction = Command<'changeSanction', AppealDecision & { form: SanctionForm }>;
export type AnnulSanction = Command<'annulSanction', AppealDecision & { reason: string }>;

export type AppealCommand = FileAppeal | UpholdSanction | ChangeSanction | AnnulSanction;
