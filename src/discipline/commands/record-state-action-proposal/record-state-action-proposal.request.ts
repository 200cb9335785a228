import { DateField, SHORT_TEXT_MAX_LENGTH, TextField } from '../../../platform/http/request-fields.js';

export class RecordStateActionProposalRequest {
  @TextField('Ủy ban nhân dân tỉnh Vĩnh Phúc', { maxLength: SHORT_TEXT_MAX_LENGTH, description: 'The state body asked to take matching action' })
  stateBody!: string;

  @DateField('2026-05-15')
  proposedOn!: string;
}
