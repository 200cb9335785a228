import { BooleanField, DateField, EnumField, TextField, TextListField } from '../../../platform/http/request-fields.js';
import { VIOLATION_SEVERITIES, type ViolationSeverity } from '../../domain/inspection.events.js';

export class ConcludeInspectionRequest {
  @DateField('2025-05-05')
  concludedOn!: string;

  @BooleanField(true)
  violationFound!: boolean;

  @EnumField(VIOLATION_SEVERITIES, 'serious', { description: 'none when no violation is found' })
  severity!: ViolationSeverity;

  @TextField('Vi phạm quy định về quản lý đất đai, gây hậu quả nghiêm trọng')
  findings!: string;

  @TextListField(['Kiểm điểm nghiêm túc', 'Khắc phục hậu quả trước 30/6'])
  recommendations!: string[];

  @BooleanField(true, { description: 'Whether discipline is proposed; only with a violation found' })
  proposeDiscipline!: boolean;
}
