import { DateField, TextField } from '../../../platform/http/request-fields.js';

export class ReportVerificationRequest {
  @DateField('2025-04-20')
  reportedOn!: string;

  @TextField('Xác minh có vi phạm trong cấp giấy chứng nhận quyền sử dụng đất')
  draftReportSummary!: string;
}
