import { BooleanField, DateField, TextField } from '../../../platform/http/request-fields.js';

export class ConcludeSupervisionRequest {
  @DateField('2025-02-20')
  concludedOn!: string;

  @BooleanField(true, { description: 'Signs of violation allow escalation to an inspection' })
  signsOfViolation!: boolean;

  @TextField('Có dấu hiệu vi phạm trong quản lý đất đai')
  summary!: string;
}
