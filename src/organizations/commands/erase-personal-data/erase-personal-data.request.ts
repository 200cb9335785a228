import { EnumField, SHORT_TEXT_MAX_LENGTH, TextField } from '../../../platform/http/request-fields.js';
import { ERASURE_GROUNDS, type ErasureGround } from '../../domain/member.events.js';

export class ErasePersonalDataRequest {
  @EnumField(ERASURE_GROUNDS, 'consent-withdrawn', {
    description:
      'The case of Decree 13/2023/NĐ-CP art. 16.1: a) no-longer-necessary, b) consent-withdrawn, c) objection-upheld, d) unlawful-processing, đ) required-by-law',
  })
  ground!: ErasureGround;

  @TextField('Đơn đề nghị xóa dữ liệu ngày 02/06/2026', {
    maxLength: SHORT_TEXT_MAX_LENGTH,
    description: 'The request or decision the erasure answers (number and date); no personal data',
  })
  reference!: string;
}
