import { Injectable } from '@nestjs/common';
import { ResourceController } from '../platform/http/api-routes.js';
import type { StreamResource } from '../commands/stream-commands.js';
import type { ScopeAnchor } from '../commands/stream-scope.js';
import { Rulebook } from '../rulebook/rulebook.js';
import type { Decider } from '../shared/domain/decider.js';
import type { AppealCommand } from './domain/appeal.commands.js';
import { allowedAppealCommands, appealDecider, appealMachine, STREAM_TYPE, streamId, type AppealState } from './domain/appeal.decider.js';
import { APPEAL_ACT_DATES, type AppealEvent } from './domain/appeal.events.js';

/** The appeal stream (khiếu nại kỷ luật), one per appeal, deciding with the rulebook loaded at start-up. */
@Injectable()
export class Appeals implements StreamResource<AppealCommand, AppealState, AppealEvent> {
  readonly streamType = STREAM_TYPE;
  readonly streamId = streamId;
  readonly acceptedIn = appealMachine.acceptedIn;
  readonly actDates = APPEAL_ACT_DATES;
  readonly allowedCommands = allowedAppealCommands;
  readonly decider: Decider<AppealCommand, AppealState, AppealEvent>;

  constructor(rulebook: Rulebook) {
    this.decider = appealDecider(rulebook);
  }

  /** The body that decided the sanction and the one reviewing it. */
  scopeOf(state: AppealState): readonly ScopeAnchor[] {
    if (state.status === 'none') return [];
    return [{ organizationId: state.appeal.sanction.decidingBody.organizationId }, { organizationId: state.appeal.reviewingBody.organizationId }];
  }

  /** An appeal against a confidential case's decision is confidential with it. */
  confidentialTo(state: AppealState): string | null {
    return state.status === 'none' ? null : (state.appeal.confidentialTo?.organizationId ?? null);
  }
}

export const AppealsController = () => ResourceController('appeals', 'Appeals — khiếu nại kỷ luật');
