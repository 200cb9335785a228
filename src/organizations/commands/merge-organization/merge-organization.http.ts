import { Body } from '@nestjs/common';
import { CommandRoute, UuidParam } from '../../../platform/http/api-routes.js';
import { IfMatchVersion } from '../../../platform/http/stream-versioning.js';
import { ReferencingRoutes } from '../../organization-directory.js';
import { organizations, OrganizationsController } from '../../organization.resource.js';
import { MergeOrganizationRequest } from './merge-organization.request.js';

@OrganizationsController()
export class MergeOrganizationHttp extends ReferencingRoutes {
  /**
   * Two streams, no shared transaction: both decisions are checked (If-Match too) before either write, then
   * the predecessor (the act itself, guarded by If-Match) is written before the successor's lineage record.
   */
  @CommandRoute(':id/merge', { resource: organizations, command: 'mergeInto', summary: 'Merge into a successor organization (hợp nhất, sáp nhập)' })
  async merge(@UuidParam('id') id: string, @IfMatchVersion() version: number | undefined, @Body() request: MergeOrganizationRequest) {
    const absorption = { predecessorId: id, absorbedOn: request.mergedOn };
    await this.commands.check(organizations, id, 'mergeInto', request, version);
    await this.directory.requireOrganization('successorId', request.successorId);
    await this.commands.check(organizations, request.successorId, 'absorb', absorption);
    const merged = await this.commands.run(organizations, id, version, 'mergeInto', request);
    await this.commands.run(organizations, request.successorId, undefined, 'absorb', absorption);
    return merged;
  }
}
