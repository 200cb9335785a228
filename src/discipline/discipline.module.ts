import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { RulebookModule } from '../rulebook-api/rulebook.module.js';
import { Appeals } from './appeal.resource.js';
import { AnnounceDecisionHttp } from './commands/announce-decision/announce-decision.http.js';
import { AnnulSanctionHttp } from './commands/annul-sanction/annul-sanction.http.js';
import { ChangeSanctionHttp } from './commands/change-sanction/change-sanction.http.js';
import { FileAppealHttp } from './commands/file-appeal/file-appeal.http.js';
import { ImposeSanctionHttp } from './commands/impose-sanction/impose-sanction.http.js';
import { IssueLimitationExpiredNoticeHttp } from './commands/issue-limitation-expired-notice/issue-limitation-expired-notice.http.js';
import { LiftDeferralGroundHttp } from './commands/lift-deferral-ground/lift-deferral-ground.http.js';
import { MinuteRefusalToReceiveHttp } from './commands/minute-refusal-to-receive/minute-refusal-to-receive.http.js';
import { OpenDisciplineCaseHttp } from './commands/open-discipline-case/open-discipline-case.http.js';
import { RecordBallotHttp } from './commands/record-ballot/record-ballot.http.js';
import { RecordDeferralGroundHttp } from './commands/record-deferral-ground/record-deferral-ground.http.js';
import { RecordLapseHttp } from './commands/record-lapse/record-lapse.http.js';
import { RecordStateActionProposalHttp } from './commands/record-state-action-proposal/record-state-action-proposal.http.js';
import { RecordViolationHttp } from './commands/record-violation/record-violation.http.js';
import { UpholdSanctionHttp } from './commands/uphold-sanction/uphold-sanction.http.js';
import { DisciplineCases } from './discipline-case.resource.js';
import { DisciplineDirectory } from './discipline-directory.js';
import { DisciplineFollowUps } from './discipline-follow-ups.js';
import { DisciplineProcess } from './discipline-process.js';
import { GetAppealHttp } from './queries/get-appeal/get-appeal.http.js';
import { GetCaseDeadlinesHttp } from './queries/get-case-deadlines/get-case-deadlines.http.js';
import { GetDisciplineCaseHttp } from './queries/get-discipline-case/get-discipline-case.http.js';

/** Discipline cases and appeals, decided by the rulebook; their process manager reaches the case and the member. */
@Module({
  imports: [OrganizationsModule, RulebookModule],
  controllers: [
    OpenDisciplineCaseHttp,
    GetDisciplineCaseHttp,
    GetCaseDeadlinesHttp,
    RecordViolationHttp,
    RecordDeferralGroundHttp,
    LiftDeferralGroundHttp,
    RecordBallotHttp,
    ImposeSanctionHttp,
    IssueLimitationExpiredNoticeHttp,
    AnnounceDecisionHttp,
    MinuteRefusalToReceiveHttp,
    RecordLapseHttp,
    RecordStateActionProposalHttp,
    FileAppealHttp,
    GetAppealHttp,
    UpholdSanctionHttp,
    ChangeSanctionHttp,
    AnnulSanctionHttp,
  ],
  providers: [DisciplineCases, Appeals, DisciplineDirectory, DisciplineProcess, DisciplineFollowUps],
  exports: [DisciplineCases, Appeals],
})
export class DisciplineModule {}
