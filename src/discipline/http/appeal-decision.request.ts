import { DateField, SHORT_TEXT_MAX_LENGTH, TextField } from '../../platform/http/request-fields.js';

/** What every decision on an appeal states: its number and date, and when it was announced. */
export class AppealDecisionRequest {
  @DateField('2026-07-10')
  decidedOn!: string;

  @TextField('12-QĐ/UBKT', { maxLength: SHORT_TEXT_MAX_LENGTH })
  decisionNumber!: string;

  @DateField('2026-07-12', { optional: true, description: 'When the decision on the appeal was announced (the lapse runs from it); by default decidedOn' })
  announcedOn?: string;
}
