import type { Particulars, Wording } from './wording.js';

/** "field" or, for a rule checked on each item of a list, "each item of field". */
function subject(p: Particulars): { en: string; vi: string } {
  const each = p.text('each') === 'true';
  return { en: each ? `each item of ${p.text('field')}` : p.text('field'), vi: each ? `mỗi mục của ${p.text('field')}` : p.text('field') };
}

function rule(en: (field: string, p: Particulars) => string, vi: (field: string, p: Particulars) => string): Wording {
  return { en: (p) => en(subject(p).en, p), vi: (p) => vi(subject(p).vi, p) };
}

/**
 * What a request field breaks (`validation-failed`, 400: one entry per field and rule), keyed by the rule's
 * name: class-validator's for its decorators (`isUuid`, `maxLength`), the service's own otherwise. The rule's
 * limits are in `constraints`, as the decorator was given them.
 */
export const VALIDATION_REFUSALS = {
  isDefined: rule(
    (f) => `${f} should not be null or undefined`,
    (f) => `Thiếu ${f}`,
  ),
  isString: rule(
    (f) => `${f} must be a string`,
    (f) => `${f} phải là chuỗi ký tự`,
  ),
  isNotBlank: rule(
    (f) => `${f} must not be blank`,
    (f) => `${f} không được để trống`,
  ),
  isStorableText: rule(
    (f) => `${f} must be well-formed Unicode text without NUL characters`,
    (f) => `${f} phải là văn bản Unicode hợp lệ, không chứa ký tự NUL`,
  ),
  maxLength: rule(
    (f, p) => `${f} must be shorter than or equal to ${p.text('constraints.0')} characters`,
    (f, p) => `${f} dài tối đa ${p.text('constraints.0')} ký tự`,
  ),
  isLength: rule(
    (f, p) => `${f} must be ${p.text('constraints.0')} to ${p.text('constraints.1')} characters long`,
    (f, p) => `${f} phải dài từ ${p.text('constraints.0')} đến ${p.text('constraints.1')} ký tự`,
  ),
  isDay: rule(
    (f) => `${f} must be a date written YYYY-MM-DD`,
    (f) => `${f} phải là ngày viết theo dạng YYYY-MM-DD`,
  ),
  isIso8601: rule(
    (f) => `${f} must be a real calendar date (or instant)`,
    (f) => `${f} phải là ngày (hoặc thời điểm) có thật`,
  ),
  isInstant: rule(
    (f) => `${f} must be an ISO 8601 timestamp with a time zone`,
    (f) => `${f} phải là thời điểm theo ISO 8601, có múi giờ`,
  ),
  isEventType: rule(
    (f) => `${f} must be an event type such as AccessDenied`,
    (f) => `${f} phải là tên một loại sự kiện, chẳng hạn AccessDenied`,
  ),
  isCodeVerifier: rule(
    (f) => `${f} must be 43 to 128 letters, digits, ".", "_", "~" or "-" (RFC 7636)`,
    (f) => `${f} phải gồm 43 đến 128 chữ cái, chữ số, ".", "_", "~" hoặc "-" (RFC 7636)`,
  ),
  isUrl: rule(
    (f) => `${f} must be an http:// or https:// URL`,
    (f) => `${f} phải là địa chỉ URL bắt đầu bằng http:// hoặc https://`,
  ),
  isUuid: rule(
    (f) => `${f} must be a UUID`,
    (f) => `${f} phải là mã UUID`,
  ),
  isIn: rule(
    (f, p) => `${f} must be one of the following values: ${p.text('constraints.0')}`,
    (f, p) => `${f} phải là một trong các giá trị: ${p.text('constraints.0')}`,
  ),
  isInt: rule(
    (f) => `${f} must be an integer number`,
    (f) => `${f} phải là số nguyên`,
  ),
  min: rule(
    (f, p) => `${f} must not be less than ${p.text('constraints.0')}`,
    (f, p) => `${f} không được nhỏ hơn ${p.text('constraints.0')}`,
  ),
  max: rule(
    (f, p) => `${f} must not be greater than ${p.text('constraints.0')}`,
    (f, p) => `${f} không được lớn hơn ${p.text('constraints.0')}`,
  ),
  isBoolean: rule(
    (f) => `${f} must be a boolean value`,
    (f) => `${f} phải là true hoặc false`,
  ),
  isArray: rule(
    (f) => `${f} must be an array`,
    (f) => `${f} phải là một danh sách`,
  ),
  arrayMinSize: rule(
    (f, p) => `${f} must contain at least ${p.text('constraints.0')} elements`,
    (f, p) => `${f} phải có ít nhất ${p.text('constraints.0')} mục`,
  ),
  arrayMaxSize: rule(
    (f, p) => `${f} must contain no more than ${p.text('constraints.0')} elements`,
    (f, p) => `${f} có tối đa ${p.text('constraints.0')} mục`,
  ),
  isObject: rule(
    (f) => `${f} must be an object`,
    (f) => `${f} phải là một đối tượng`,
  ),
  nestedValidation: rule(
    (f) => `${f} must be an object or an array of objects`,
    (f) => `${f} phải là một đối tượng hoặc danh sách đối tượng`,
  ),
  whitelistValidation: rule(
    (f) => `property ${f} should not exist`,
    (f) => `Không được gửi trường ${f}`,
  ),
  unknownValue: rule(
    () => 'an unknown value was passed to the validate function',
    () => 'Nội dung yêu cầu không phải là đối tượng được chấp nhận',
  ),
  notPrototypeKey: rule(
    (f) => `${f} may not be sent`,
    (f) => `Không được gửi ${f}`,
  ),
  isJsonObject: rule(
    () => 'The body must be a JSON object (or array)',
    () => 'Nội dung yêu cầu phải là một đối tượng (hoặc mảng) JSON',
  ),
  entityTag: rule(
    () => 'If-Match must be one entity tag as sent in ETag, such as "3"',
    () => 'If-Match phải là một thẻ phiên bản như ETag đã gửi, chẳng hạn "3"',
  ),
  format: rule(
    () => 'Idempotency-Key must be 1 to 200 visible ASCII characters',
    () => 'Idempotency-Key phải gồm 1 đến 200 ký tự ASCII in được',
  ),
  notAfterTo: rule(
    (f) => `${f} must not be after to`,
    (f) => `${f} không được sau to`,
  ),
  cursor: rule(
    (f) => `${f} must be a cursor this service gave, the next of an earlier page`,
    (f) => `${f} phải là con trỏ do hệ thống trả về ở trang trước`,
  ),
} as const satisfies Readonly<Record<string, Wording>>;

export type ValidationRule = keyof typeof VALIDATION_REFUSALS;

export function isValidationRule(rule: string): rule is ValidationRule {
  return Object.hasOwn(VALIDATION_REFUSALS, rule);
}
