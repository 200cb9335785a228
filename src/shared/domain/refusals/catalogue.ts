import { INPUT_REFUSALS } from './input-refusals.js';
import { REQUEST_REFUSALS, type RequestCode } from './request-refusals.js';
import { RULE_REFUSALS, type RuleCode } from './rule-refusals.js';
import { VALIDATION_REFUSALS } from './validation-refusals.js';
import { byDetail, particulars, type Details, type Language, type Particulars, type Wording } from './wording.js';

export type ProblemCode = RuleCode | RequestCode | 'invalid-input' | 'invalid-transition' | 'unknown-reference' | 'validation-failed';

function violationsOf(p: Particulars, language: Language): string {
  return p
    .items('errors')
    .map((violation) => fieldViolation(violation, language))
    .join('; ');
}

function fieldViolation(violation: Particulars, language: Language): string {
  const wording = (VALIDATION_REFUSALS as Readonly<Record<string, Wording>>)[violation.text('rule')];
  if (wording) return wording[language](violation);
  return language === 'en'
    ? `${violation.text('field')} is not valid (${violation.text('rule')})`
    : `${violation.text('field')} không hợp lệ (${violation.text('rule')})`;
}

/**
 * Every refusal the API can answer, by its problem `code`: the English and the Vietnamese (the officers'
 * terms) of its `detail`, filled in from the error's details. The type asks for a wording of every code.
 */
export const REFUSALS: Readonly<Record<ProblemCode, Wording>> = {
  ...RULE_REFUSALS,
  ...REQUEST_REFUSALS,
  'invalid-input': byDetail('rule', INPUT_REFUSALS, {
    en: (p) => `${p.text('field')} is not valid (${p.text('rule')})`,
    vi: (p) => `${p.text('field')} không hợp lệ (${p.text('rule')})`,
  }),
  'invalid-transition': {
    en: (p) => `${p.text('command')} is not allowed in state ${p.text('currentState')}; allowed: ${p.text('allowedCommands') || 'none'}`,
    vi: (p) =>
      `Không thực hiện được ${p.text('command')} khi hồ sơ ở trạng thái ${p.text('currentState')}; được phép: ${p.text('allowedCommands') || 'không thao tác nào'}`,
  },
  'unknown-reference': {
    en: (p) =>
      p.has('organizationId')
        ? `Organization ${p.text('organizationId')} has no ${p.text('kind')} established`
        : `${p.text('field')} names ${p.text('kind')} ${p.text('id')}, which does not exist`,
    vi: (p) =>
      p.has('organizationId')
        ? `Tổ chức ${p.text('organizationId')} chưa thành lập ${p.term('kind')}`
        : `${p.text('field')}: ${p.term('kind')} ${p.text('id')} không tồn tại`,
  },
  'validation-failed': { en: (p) => violationsOf(p, 'en'), vi: (p) => violationsOf(p, 'vi') },
};

export function isProblemCode(code: string): code is ProblemCode {
  return Object.hasOwn(REFUSALS, code);
}

/** The `detail` of a refusal in a language. */
export function refusalText(code: ProblemCode, details: Details, language: Language): string {
  return REFUSALS[code][language](particulars(details, language));
}

/** One field's violation in a language. */
export function violationText(violation: object, language: Language): string {
  return fieldViolation(particulars(violation as Details, language), language);
}
