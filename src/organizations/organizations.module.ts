import { Global, Module } from '@nestjs/common';
import { OrganizationLineage } from '../commands/stream-scope.js';
import { AdmissionPowerHttp } from './commands/admission-power/admission-power.http.js';
import { AdmitMemberHttp } from './commands/admit-member/admit-member.http.js';
import { BodySuccessionHttp } from './commands/body-succession/body-succession.http.js';
import { CadreManagementHttp } from './commands/cadre-management/cadre-management.http.js';
import { DissolveOrganizationHttp } from './commands/dissolve-organization/dissolve-organization.http.js';
import { ErasePersonalDataHttp } from './commands/erase-personal-data/erase-personal-data.http.js';
import { EstablishBodyHttp } from './commands/establish-body/establish-body.http.js';
import { FoundOrganizationHttp } from './commands/found-organization/found-organization.http.js';
import { LeavePostHttp } from './commands/leave-post/leave-post.http.js';
import { MakeMemberFullHttp } from './commands/make-member-full/make-member-full.http.js';
import { MergeOrganizationHttp } from './commands/merge-organization/merge-organization.http.js';
import { MoveOrganizationHttp } from './commands/move-organization/move-organization.http.js';
import { RecordDeathHttp } from './commands/record-death/record-death.http.js';
import { ReleaseMemberHttp } from './commands/release-member/release-member.http.js';
import { RemoveFromRollHttp } from './commands/remove-from-roll/remove-from-roll.http.js';
import { RenameOrganizationHttp } from './commands/rename-organization/rename-organization.http.js';
import { TakeUpPostHttp } from './commands/take-up-post/take-up-post.http.js';
import { TransferMemberHttp } from './commands/transfer-member/transfer-member.http.js';
import { OrganizationDirectory } from './organization-directory.js';
import { OrganizationLineageFromStreams } from './organization-lineage.js';
import { GetMemberHttp } from './queries/get-member/get-member.http.js';
import { GetOrganizationHttp } from './queries/get-organization/get-organization.http.js';

/**
 * Organizations (tree, bodies, lineage) and their members; exports the directory other capabilities check
 * references with, and (globally) the lineage every stream route's organization scope is checked against.
 */
@Global()
@Module({
  controllers: [
    FoundOrganizationHttp,
    GetOrganizationHttp,
    RenameOrganizationHttp,
    MoveOrganizationHttp,
    EstablishBodyHttp,
    AdmissionPowerHttp,
    BodySuccessionHttp,
    MergeOrganizationHttp,
    DissolveOrganizationHttp,
    AdmitMemberHttp,
    GetMemberHttp,
    MakeMemberFullHttp,
    TransferMemberHttp,
    TakeUpPostHttp,
    LeavePostHttp,
    CadreManagementHttp,
    RemoveFromRollHttp,
    ReleaseMemberHttp,
    RecordDeathHttp,
    ErasePersonalDataHttp,
  ],
  providers: [OrganizationDirectory, { provide: OrganizationLineage, useClass: OrganizationLineageFromStreams }],
  exports: [OrganizationDirectory, OrganizationLineage],
})
export class OrganizationsModule {}
