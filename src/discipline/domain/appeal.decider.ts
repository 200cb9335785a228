import type { ActingBody } from '../../shared/domain/acting-body.js';
import { assertNever, type Decider } from '../../shared/domain/decider.js';
import { InvalidInputError, RuleViolationError } from '../../shared/domain/errors.js';
import { requireActDate, requireNotInFuture, requireText } from '../../shared/domain/input.js';
import { transitions } from '../../shared/domain/transitions.js';
import type { IsoDate } from '../../shared/domain/vocabulary.js';
import {
  appealHandlingDeadline,
  appealWindowEnd,
  authorityFor,
  defaultRulebook,
  isAfter,
  isFinalLevel,
  latest,
  nextReviewLevel,
  reviewLevelOnFiling,
  requireAppealInTime,
  requireFormAllowed,
  restorationOnAnnulment,
  subjectRef,
  type DecidingBody,
  type Rulebook,
} from '../../rulebook/index.js';
import type { AppealCommand, AnnulSanction, ChangeSanction, FileAppeal, UpholdSanction } from './appeal.commands.js';
import type { AppealEvent, AppealFiled } from './appeal.events.js';

export const STREAM_TYPE = 'appeal';
export function streamId(appealId: string): string {
  return `${STREAM_TYPE}-${appealId}`;
}

export type AppealFile = Omit<AppealFiled['data'], 'confidentialTo'> & Readonly<{ confidentialTo: ActingBody | null; lastActOn: IsoDate }>;

export type AppealState =
  | Readonly<{ status: 'none' }>
  | Readonly<{ status: 'under-review'; appeal: AppealFile }>
  | Readonly<{ status: 'upheld' | 'changed' | 'annulled'; appeal: AppealFile; decidedOn: IsoDate }>;

export const appealMachine = transitions<AppealState>()({
  fileAppeal: ['none'],
  upholdSanction: ['under-review'],
  changeSanction: ['under-review'],
  annulSanction: ['under-review'],
});

export function allowedAppealCommands(state: AppealState): AppealCommand['type'][] {
  return appealMachine.allowedCommands(state.status);
}

type UnderReview = Extract<AppealState, { status: 'under-review' }>;

function notAdmissible(reason: string, details: Record<string, unknown>): never {
  throw new RuleViolationError('appeal-not-admissible', { reason, ...details });
}

function file(command: FileAppeal, rulebook: Rulebook): AppealEvent[] {
  const { appealId, appellant, subject, sanction, receivedOn, filedOn, reviewingBody, previousAppeals, handovers, confidentialTo } = command.data;
  requireText('appealId', appealId);
  requireNotInFuture('receivedOn', receivedOn, command.metadata.today);
  requireActDate('filedOn', filedOn, receivedOn, command.metadata.today);
  const version = rulebook.versionInForce(filedOn);
  const admissibility = { ruleVersion: version.id, citation: version.rules.appeal.admissibility.citation };
  if (JSON.stringify(appellant) !== JSON.stringify(subjectRef(subject))) {
    notAdmissible('filed-on-behalf-of-another', {
      appellant,
      subject: subjectRef(subject),
      ...admissibility,
    });
  }
  const pending = previousAppeals.find((p) => p.status === 'pending');
  if (pending) notAdmissible('being-handled-higher-up', { pending, ...admissibility });
  const final = previousAppeals.find((p) => p.status === 'decided' && isFinalLevel(p.reviewingBody, sanction.form, version));
  if (final) notAdmissible('decided-at-final-level', { final, ...admissibility });

  const window = appealWindowEnd(receivedOn, rulebook.versionInForce(receivedOn));
  requireAppealInTime(window, filedOn);

  const lastReviewer = previousAppeals.filter((p) => p.status === 'decided').at(-1)?.reviewingBody ?? sanction.decidingBody;
  const chain = subject.kind === 'member' ? subject.organizations : [{ organizationId: subject.organizationId, level: subject.level }, ...subject.ancestors];
  const named = nextReviewLevel(lastReviewer, chain, version);
  if (!named) notAdmissible('decided-at-final-level', { decidedBy: lastReviewer, ...admissibility });
  const expected = reviewLevelOnFiling(named, handovers, filedOn);
  if (expected.organizationId !== reviewingBody.organizationId || !expected.bodyKinds.includes(reviewingBody.bodyKind)) {
    notAdmissible('not-the-next-higher-level', { reviewingBody, expected, ...admissibility });
  }
  const handling = appealHandlingDeadline(filedOn, reviewingBody.level, version);
  return [
    {
      type: 'AppealFiled',
      data: {
        appealId,
        appellant,
        subject,
        sanction,
        receivedOn,
        filedOn,
        windowLastDay: window.lastDay,
        reviewingBody,
        handlingDueOn: handling.dueOn,
        sanctionRemainsInForce: true,
        ruleVersion: version.id,
        citations: [window.citation, expected.citation, handling.citation],
        confidentialTo,
      },
    },
  ];
}

function decided(appeal: AppealFile, { decidedOn, decisionNumber, announcedOn }: UpholdSanction['data'], rulebook: Rulebook) {
  return {
    decidedBy: appeal.reviewingBody,
    decidedOn,
    decisionNumber,
    announcedOn,
    afterHandlingDeadline: isAfter(decidedOn, appeal.handlingDueOn),
    ruleVersion: rulebook.versionInForce(decidedOn).id,
  };
}

function change(command: ChangeSanction, { appeal }: UnderReview, rulebook: Rulebook): AppealEvent[] {
  const { form, decidedOn, decisionNumber } = command.data;
  requireText('decisionNumber', decisionNumber);
  requireActDate('decidedOn', decidedOn, appeal.lastActOn, command.metadata.today);
  if (form === appeal.sanction.form) throw new InvalidInputError('form', 'differs-from-sanction', { value: form });
  const version = rulebook.versionInForce(decidedOn);
  requireFormAllowed(appeal.subject, form, version);
  const authority = authorityFor(appeal.reviewingBody, appeal.subject, form, version);
  if (authority.allowed) {
    return [
      {
        type: 'SanctionChanged',
        data: { ...decided(appeal, command.data, rulebook), fromForm: appeal.sanction.form, toForm: form, authorityGrant: authority.grant },
      },
    ];
  }
  if (!authority.referTo) {
    throw new RuleViolationError('no-authority', {
      form,
      relations: authority.relations,
      ruleVersion: version.id,
      citation: authority.citation,
    });
  }
  const { grant: _grant, ...to } = authority.referTo;
  const handling = appealHandlingDeadline(decidedOn, to.level, version);
  return [
    {
      type: 'AppealReferredUpward',
      data: {
        from: appeal.reviewingBody,
        to,
        proposedForm: form,
        referredOn: decidedOn,
        handlingDueOn: handling.dueOn,
        ruleVersion: version.id,
        citation: authority.citation,
      },
    },
  ];
}

function annul(command: AnnulSanction, { appeal }: UnderReview, rulebook: Rulebook): AppealEvent[] {
  const { decidedOn, decisionNumber, reason } = command.data;
  requireText('decisionNumber', decisionNumber);
  requireText('reason', reason);
  requireActDate('decidedOn', decidedOn, appeal.lastActOn, command.metadata.today);
  const restoration = restorationOnAnnulment(appeal.sanction.form, rulebook.versionInForce(decidedOn));
  const subject = subjectRef(appeal.subject);
  return [
    { type: 'SanctionAnnulled', data: { ...decided(appeal, command.data, rulebook), form: appeal.sanction.form, reason } },
    ...restoration.items.map((item): AppealEvent => ({
      type: 'RestorationOrdered',
      data: {
        appealId: appeal.appealId,
        subject,
        item,
        annulledForm: appeal.sanction.form,
        orderedOn: decidedOn,
        ruleVersion: restoration.ruleVersion,
        citation: restoration.citation,
      },
    })),
  ];
}

export function decideAppeal(command: AppealCommand, state: AppealState, rulebook: Rulebook = defaultRulebook()): AppealEvent[] {
  switch (command.type) {
    case 'fileAppeal':
      appealMachine.requireState(state, command.type);
      return file(command, rulebook);
    case 'upholdSanction': {
      const { appeal } = appealMachine.requireState(state, command.type);
      const { decidedOn, decisionNumber } = command.data;
      requireText('decisionNumber', decisionNumber);
      requireActDate('decidedOn', decidedOn, appeal.lastActOn, command.metadata.today);
      return [{ type: 'SanctionUpheld', data: { ...decided(appeal, command.data, rulebook), form: appeal.sanction.form } }];
    }
    case 'changeSanction':
      return change(command, appealMachine.requireState(state, command.type), rulebook);
    case 'annulSanction':
      return annul(command, appealMachine.requireState(state, command.type), rulebook);
    default:
      return assertNever(command);
  }
}

const touched = (appeal: AppealFile, on: IsoDate): AppealFile => ({ ...appeal, lastActOn: latest([appeal.lastActOn, on]) ?? on });

export function evolveAppeal(state: AppealState, event: AppealEvent): AppealState {
  switch (event.type) {
    case 'AppealFiled':
      return { status: 'under-review', appeal: { ...event.data, confidentialTo: event.data.confidentialTo ?? null, lastActOn: event.data.filedOn } };
    case 'AppealReferredUpward': {
      if (state.status !== 'under-review') return state;
      const reviewingBody: DecidingBody = event.data.to;
      return { status: 'under-review', appeal: { ...touched(state.appeal, event.data.referredOn), reviewingBody, handlingDueOn: event.data.handlingDueOn } };
    }
    case 'SanctionUpheld':
      return state.status === 'under-review'
        ? { status: 'upheld', appeal: touched(state.appeal, event.data.decidedOn), decidedOn: event.data.decidedOn }
        : state;
    case 'SanctionChanged':
      return state.status === 'under-review'
        ? { status: 'changed', appeal: touched(state.appeal, event.data.decidedOn), decidedOn: event.data.decidedOn }
        : state;
    case 'SanctionAnnulled':
      return state.status === 'under-review'
        ? { status: 'annulled', appeal: touched(state.appeal, event.data.decidedOn), decidedOn: event.data.decidedOn }
        : state;
    case 'RestorationOrdered':
      return state;
    default:
      return assertNever(event);
  }
}

export function appealDecider(rulebook: Rulebook = defaultRulebook()): Decider<AppealCommand, AppealState, AppealEvent> {
  return {
    decide: (command, state) => decideAppeal(command, state, rulebook),
    evolve: evolveAppeal,
    initialState: () => ({ status: 'none' }),
  };
}
