import { BooleanField, DateField, EnumField, NestedField, SHORT_TEXT_MAX_LENGTH, TextField } from '../../../platform/http/request-fields.js';
import { SANCTION_FORMS, type SanctionForm } from '../../../shared/domain/vocabulary.js';
import { DecidingBodyRequest } from '../../http/deciding-body.request.js';

export class ImposeSanctionRequest {
  @EnumField(SANCTION_FORMS, 'warning', { description: "Must be the form the deciding body's ballot decided" })
  form!: SanctionForm;

  @NestedField(() => DecidingBodyRequest, { description: 'The body that decides; its authority is checked against the rule version in force on signedOn' })
  decidingBody!: DecidingBodyRequest;

  @TextField('05-QĐ/ĐU', { maxLength: SHORT_TEXT_MAX_LENGTH })
  decisionNumber!: string;

  @DateField('2026-05-08')
  signedOn!: string;

  @BooleanField(false, { optional: true, description: 'Especially serious: a deceased member may still be disciplined' })
  especiallySerious?: boolean;
}
