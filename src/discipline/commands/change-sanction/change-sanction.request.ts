import { EnumField } from '../../../platform/http/request-fields.js';
import { SANCTION_FORMS, type SanctionForm } from '../../../shared/domain/vocabulary.js';
import { AppealDecisionRequest } from '../../http/appeal-decision.request.js';

export class ChangeSanctionRequest extends AppealDecisionRequest {
  @EnumField(SANCTION_FORMS, 'reprimand', { description: "The new form; one beyond the reviewer's authority refers the appeal upward" })
  form!: SanctionForm;
}
