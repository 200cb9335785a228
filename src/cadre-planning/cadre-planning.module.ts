import { Module } from '@nestjs/common';
import { DisciplineModule } from '../discipline/discipline.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { RulebookModule } from '../rulebook-api/rulebook.module.js';
import { AddToPlanningHttp } from './commands/add-to-planning/add-to-planning.http.js';
import { ApprovePlanningListHttp } from './commands/approve-planning-list/approve-planning-list.http.js';
import { RemoveFromPlanningHttp } from './commands/remove-from-planning/remove-from-planning.http.js';
import { MemberStanding } from './member-standing.js';
import { PlanningFollowUps } from './planning-follow-ups.js';
import { GetPlanningListHttp } from './queries/get-planning-list/get-planning-list.http.js';
import { ListPlanningListsHttp } from './queries/list-planning-lists/list-planning-lists.http.js';

/** Cadre planning lists (quy hoạch cán bộ), and the process manager that sanctions and annulments drive. */
@Module({
  imports: [OrganizationsModule, RulebookModule, DisciplineModule],
  controllers: [ApprovePlanningListHttp, GetPlanningListHttp, ListPlanningListsHttp, AddToPlanningHttp, RemoveFromPlanningHttp],
  providers: [MemberStanding, PlanningFollowUps],
})
export class CadrePlanningModule {}
