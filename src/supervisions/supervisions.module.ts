import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { CloseSupervisionHttp } from './commands/close-supervision/close-supervision.http.js';
import { ConcludeSupervisionHttp } from './commands/conclude-supervision/conclude-supervision.http.js';
import { EscalateSupervisionHttp } from './commands/escalate-supervision/escalate-supervision.http.js';
import { RecordFindingsHttp } from './commands/record-findings/record-findings.http.js';
import { StartSupervisionHttp } from './commands/start-supervision/start-supervision.http.js';
import { GetSupervisionHttp } from './queries/get-supervision/get-supervision.http.js';

@Module({
  imports: [OrganizationsModule],
  controllers: [StartSupervisionHttp, GetSupervisionHttp, RecordFindingsHttp, ConcludeSupervisionHttp, EscalateSupervisionHttp, CloseSupervisionHttp],
})
export class SupervisionsModule {}
