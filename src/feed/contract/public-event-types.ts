import { RESTORATION_ITEMS } from '../../rulebook/index.js';
import { REMOVAL_GROUNDS } from '../../organizations/domain/member.events.js';
import { BODY_KINDS, ORGANIZATION_LEVELS, SANCTION_FORMS } from '../../shared/domain/vocabulary.js';
import { day, identifier, nullable, object, oneOf, text, variants, type Infer, type Schema } from './schema.js';

/**
 * The public integration events: what downstream systems are promised, apart from the internal events and
 * versioned on their own. Raise a type's `version` when its data changes shape; the published schemas and
 * the AsyncAPI document are generated from this table (`npm run cli -- feed-contract`).
 */
interface PublicEventDefinition<T> {
  readonly version: number;
  readonly summary: string;
  readonly data: Schema<T>;
}

function define<T>(version: number, summary: string, data: Schema<T>): PublicEventDefinition<T> {
  return { version, summary, data };
}

const subject = variants<{ kind: 'member'; memberId: string } | { kind: 'organization'; organizationId: string }>(
  [object({ kind: oneOf(['member']), memberId: identifier() }), object({ kind: oneOf(['organization']), organizationId: identifier() })],
  'Whom the act concerns: a member or an organization',
);
const body = object(
  { organizationId: identifier(), bodyKind: oneOf(BODY_KINDS) },
  'The body that acts: a committee or commission of an organization (cấp ủy, ủy ban kiểm tra)',
);
const form = oneOf(SANCTION_FORMS, 'The form of discipline');
const decided = {
  appealId: identifier(),
  decidedBy: body,
  decidedOn: day('The day the reviewing body decided'),
  decisionNumber: text(),
};

export const PUBLIC_EVENTS = {
  OrganizationFounded: define(
    1,
    'An organization was founded under its parent (null: a root of the tree)',
    object({
      organizationId: identifier(),
      parentId: nullable(identifier()),
      level: oneOf(ORGANIZATION_LEVELS),
      name: text(),
      code: text(),
      foundedOn: day(),
    }),
  ),
  OrganizationRenamed: define(1, 'An organization took a new name', object({ organizationId: identifier(), name: text(), renamedOn: day() })),
  OrganizationMoved: define(
    1,
    'An organization was placed under another parent',
    object({ organizationId: identifier(), parentId: identifier(), movedOn: day() }),
  ),
  OrganizationMerged: define(
    1,
    'An organization was closed by merger and continues in its successor',
    object({ organizationId: identifier(), successorId: identifier(), mergedOn: day() }),
  ),
  OrganizationDissolved: define(1, 'An organization was dissolved', object({ organizationId: identifier(), dissolvedOn: day() })),
  MemberAdmitted: define(
    1,
    'A member was admitted (on probation) to an organization; the name and birth date are never published',
    object({ memberId: identifier(), organizationId: identifier(), admittedOn: day() }),
  ),
  MemberMadeFull: define(1, 'A member on probation became a full member', object({ memberId: identifier(), madeFullOn: day() })),
  MemberTransferred: define(
    1,
    'A member moved to another organization',
    object({ memberId: identifier(), fromOrganizationId: identifier(), toOrganizationId: identifier(), transferredOn: day() }),
  ),
  MemberRemovedFromRoll: define(
    1,
    'A member was removed from the roll (xóa tên; not a sanction)',
    object({ memberId: identifier(), ground: oneOf(REMOVAL_GROUNDS), removedOn: day() }),
  ),
  MemberReleased: define(1, 'A member was released from membership', object({ memberId: identifier(), releasedOn: day() })),
  MemberDied: define(1, 'A member died', object({ memberId: identifier(), diedOn: day() })),
  MemberExpelled: define(1, 'A member was expelled: an expulsion took effect', object({ memberId: identifier(), expelledOn: day() })),
  MembershipRestored: define(
    1,
    'Correction: an expulsion was annulled on appeal and the membership restored; undo the MemberExpelled',
    object({ memberId: identifier(), restoredOn: day() }),
  ),
  PersonalDataErased: define(
    1,
    "Correction: the member's personal data was erased (Decree 13/2023/NĐ-CP art. 16); delete everything held about the member. Nothing more about them is published, and a reader of the feed after this sees no earlier event about them",
    object({ memberId: identifier() }),
  ),
  DisciplineCaseOpened: define(
    1,
    'A discipline case was opened; the stream id names the case from here on',
    object({ caseId: identifier(), subject, openedOn: day() }),
  ),
  DisciplineDecisionIssued: define(
    1,
    'A discipline decision was signed (it takes effect when announced)',
    object({ form, decidingBody: body, decisionNumber: text(), signedOn: day() }),
  ),
  DisciplineDecisionAnnounced: define(1, 'The decision of the case was announced and took effect', object({ announcedOn: day(), effectiveOn: day() })),
  DisciplineDecisionLapsed: define(1, 'The decision of the case ended by law', object({ lapsedOn: day() })),
  NotDisciplinedLimitationExpired: define(1, 'The case closed without discipline: the limitation period had run out', object({ concludedOn: day() })),
  AppealOutcomeApplied: define(
    1,
    "Correction: an appeal's outcome applied to the case's decision (upheld; changed to `form`; annulled, `form` null)",
    object({ appealId: identifier(), outcome: oneOf(['upheld', 'changed', 'annulled']), form: nullable(form), announcedOn: day() }),
  ),
  AppealFiled: define(
    1,
    'An appeal against a discipline decision was filed; the stream id names the appeal from here on',
    object({ appealId: identifier(), caseId: identifier(), appellant: subject, subject, form, filedOn: day(), reviewingBody: body }),
  ),
  SanctionUpheld: define(1, 'The appeal was decided: the sanction stands', object({ ...decided, form })),
  SanctionChanged: define(1, 'Correction: the appeal changed the sanction to another form', object({ ...decided, fromForm: form, toForm: form })),
  SanctionAnnulled: define(1, 'Correction: the appeal annulled the sanction', object({ ...decided, form })),
  RestorationOrdered: define(
    1,
    'Correction: one thing the annulled sanction took away is to be given back',
    object({ appealId: identifier(), subject, item: oneOf(RESTORATION_ITEMS), annulledForm: form, orderedOn: day() }),
  ),
} as const;

export type PublicEventType = keyof typeof PUBLIC_EVENTS;
export type PublicEventData<K extends PublicEventType> = Infer<(typeof PUBLIC_EVENTS)[K]['data']>;

export const PUBLIC_EVENT_TYPES = Object.keys(PUBLIC_EVENTS) as PublicEventType[];
