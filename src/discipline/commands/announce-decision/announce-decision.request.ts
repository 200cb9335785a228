import { DateField } from '../../../platform/http/request-fields.js';

export class AnnounceDecisionRequest {
  @DateField('2026-05-12')
  announcedOn!: string;

  @DateField('2026-05-06', { optional: true, description: "A cell's decision takes effect when the cell announces the vote result (Charter art. 39 cl. 6)" })
  voteResultAnnouncedOn?: string;
}
