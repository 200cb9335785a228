import { TextField } from '../../../platform/http/request-fields.js';
import { AppealDecisionRequest } from '../../http/appeal-decision.request.js';

export class AnnulSanctionRequest extends AppealDecisionRequest {
  @TextField('Không đủ căn cứ kết luận vi phạm; quyết định kỷ luật sai thẩm quyền')
  reason!: string;
}
