import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { CloseInspectionHttp } from './commands/close-inspection/close-inspection.http.js';
import { ConcludeInspectionHttp } from './commands/conclude-inspection/conclude-inspection.http.js';
import { DecideInspectionHttp } from './commands/decide-inspection/decide-inspection.http.js';
import { NotifyConclusionHttp } from './commands/notify-conclusion/notify-conclusion.http.js';
import { ProposeInspectionHttp } from './commands/propose-inspection/propose-inspection.http.js';
import { ReceiveExplanationHttp } from './commands/receive-explanation/receive-explanation.http.js';
import { RecordFollowUpHttp } from './commands/record-follow-up/record-follow-up.http.js';
import { ReportVerificationHttp } from './commands/report-verification/report-verification.http.js';
import { SendOutlineHttp } from './commands/send-outline/send-outline.http.js';
import { GetInspectionHttp } from './queries/get-inspection/get-inspection.http.js';

@Module({
  imports: [OrganizationsModule],
  controllers: [
    ProposeInspectionHttp,
    GetInspectionHttp,
    DecideInspectionHttp,
    SendOutlineHttp,
    ReceiveExplanationHttp,
    ReportVerificationHttp,
    ConcludeInspectionHttp,
    NotifyConclusionHttp,
    RecordFollowUpHttp,
    CloseInspectionHttp,
  ],
})
export class InspectionsModule {}
