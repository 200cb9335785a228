import { Injectable } from '@nestjs/common';
import { ResourceController } from '../platform/http/api-routes.js';
import type { StreamResource } from '../commands/stream-commands.js';
import type { ScopeAnchor } from '../commands/stream-scope.js';
import { Rulebook } from '../rulebook/rulebook.js';
import type { Decider } from '../shared/domain/decider.js';
import type { DisciplineCaseCommand } from './domain/discipline-case.commands.js';
import {
  allowedDisciplineCaseCommands,
  disciplineCaseDecider,
  disciplineCaseMachine,
  STREAM_TYPE,
  streamId,
  type DisciplineCaseState,
} from './domain/discipline-case.decider.js';
import { DISCIPLINE_CASE_ACT_DATES, type DisciplineCaseEvent } from './domain/discipline-case.events.js';

/** Recorded by the appeal process (filing, outcome), never through a route of the case. */
const BY_THE_APPEAL_PROCESS: readonly DisciplineCaseCommand['type'][] = ['recordAppealFiled', 'recordAppealOutcome'];

/** The discipline case stream (hồ sơ kỷ luật), deciding with the rulebook loaded at start-up. */
@Injectable()
export class DisciplineCases implements StreamResource<DisciplineCaseCommand, DisciplineCaseState, DisciplineCaseEvent> {
  readonly streamType = STREAM_TYPE;
  readonly streamId = streamId;
  readonly acceptedIn = disciplineCaseMachine.acceptedIn;
  readonly actDates = DISCIPLINE_CASE_ACT_DATES;
  readonly decider: Decider<DisciplineCaseCommand, DisciplineCaseState, DisciplineCaseEvent>;

  constructor(rulebook: Rulebook) {
    this.decider = disciplineCaseDecider(rulebook);
  }

  /** The subject's organization (a member's at the opening) and so every body above it. */
  scopeOf(state: DisciplineCaseState): readonly ScopeAnchor[] {
    if (state.status === 'none') return [];
    const { subject } = state.file;
    return [{ organizationId: subject.kind === 'member' ? subject.organizations[0]!.organizationId : subject.organizationId }];
  }

  confidentialTo(state: DisciplineCaseState): string | null {
    return state.status === 'none' ? null : (state.file.confidentialTo?.organizationId ?? null);
  }

  allowedCommands(state: DisciplineCaseState): DisciplineCaseCommand['type'][] {
    return allowedDisciplineCaseCommands(state).filter((type) => !BY_THE_APPEAL_PROCESS.includes(type));
  }
}

export const DisciplineCasesController = () => ResourceController('discipline-cases', 'Discipline cases — kỷ luật');
