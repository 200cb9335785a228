import type { Particulars, Wording } from './wording.js';

function unknownValue(en: string, vi: string): Wording {
  return { en: (p) => `Unknown ${en} ${p.text('value')}`, vi: (p) => `${vi} ${p.text('value')} không tồn tại` };
}

function notBefore(en: string, vi: string): Wording {
  return {
    en: (p) => `${p.text('field')} ${p.text('value')} is before ${en} ${p.text('earliest')}`,
    vi: (p) => `${p.text('field')}: ngày ${p.text('value')} trước ${vi} (${p.text('earliest')})`,
  };
}

function alreadyWhat(p: Particulars): { en: string; vi: string } {
  switch (p.text('field')) {
    case 'rating':
      return { en: `The rating in force is already ${p.text('value')}`, vi: `Kết quả xếp loại đang có hiệu lực đã là ${p.text('value')}` };
    case 'toOrganizationId':
      return { en: `The member already belongs to ${p.text('value')}`, vi: `Đảng viên đã sinh hoạt tại tổ chức ${p.text('value')}` };
    case 'name':
      return { en: `The organization is already named ${p.text('value')}`, vi: `Tổ chức đã mang tên ${p.text('value')}` };
    case 'parentId':
      return { en: `The organization is already under ${p.text('value')}`, vi: `Tổ chức đã trực thuộc tổ chức ${p.text('value')}` };
    default:
      return { en: `${p.text('field')} is already ${p.text('value')}`, vi: `${p.text('field')} đã là ${p.text('value')}` };
  }
}

function selfWhat(p: Particulars): { en: string; vi: string } {
  switch (p.text('field')) {
    case 'successorId':
      return { en: 'An organization cannot merge into itself', vi: 'Tổ chức không thể hợp nhất vào chính mình' };
    case 'predecessorId':
      return { en: 'An organization cannot absorb itself', vi: 'Tổ chức không thể tiếp nhận chính mình' };
    default:
      return { en: 'An organization cannot be its own parent', vi: 'Tổ chức không thể là cấp trên của chính mình' };
  }
}

/**
 * Input that is well-formed but inconsistent (`invalid-input`, 422), keyed by the rule it breaks; each
 * names its field (`details.field`) and the values in `details`.
 */
export const INPUT_REFUSALS = {
  'not-blank': { en: (p) => `${p.text('field')} must not be blank`, vi: (p) => `${p.text('field')} không được để trống` },
  'iso-date': {
    en: (p) => `${p.text('field')} must be a calendar date YYYY-MM-DD, got ${p.text('value')}`,
    vi: (p) => `${p.text('field')} phải là ngày có thật, viết YYYY-MM-DD; đã nhận ${p.text('value')}`,
  },
  'not-in-future': {
    en: (p) => `${p.text('field')} ${p.text('value')} is after today ${p.text('today')}`,
    vi: (p) => `${p.text('field')}: ngày ${p.text('value')} sau ngày hôm nay (${p.text('today')})`,
  },
  'not-before-last-act': notBefore('last-act', 'ngày ghi nhận gần nhất của hồ sơ'),
  'not-before-proposal': notBefore('proposal', 'ngày đề xuất'),
  'not-before-taken-up-on': notBefore('taken-up-on', 'ngày nhận chức'),
  'not-before-year-classified': notBefore('year-classified', 'đầu năm được phân loại'),
  'not-before-decision': notBefore('decision', 'ngày quyết định kiểm tra'),
  'not-before-conclusion': notBefore('conclusion', 'ngày kết luận kiểm tra'),
  'not-before-approval': notBefore('the approval of the list', 'ngày phê duyệt danh sách quy hoạch'),
  'not-before-dated-fact': notBefore(
    'the dates this fact already has on the record (or the admission or founding)',
    'các ngày đã ghi trong hồ sơ cho thông tin này (hoặc ngày kết nạp, thành lập)',
  ),
  'not-before-from': {
    en: (p) => `The period ends (${p.text('to')}) before it starts (${p.text('from')})`,
    vi: (p) => `Kỳ kết thúc (${p.text('to')}) trước ngày bắt đầu (${p.text('from')})`,
  },
  'subject-kind': { en: () => 'A subject is an organization or a member', vi: () => 'Đối tượng là tổ chức đảng hoặc đảng viên' },
  'body-kind': unknownValue('body kind', 'Loại cơ quan'),
  'organization-body-kind': unknownValue('body', 'Loại cơ quan'),
  'organization-level': unknownValue('level', 'Cấp'),
  'body-functions': unknownValue('function to hand over', 'Chức năng bàn giao'),
  'supervision-kind': unknownValue('supervision kind', 'Loại giám sát'),
  'inspection-kind': unknownValue('inspection kind', 'Loại kiểm tra'),
  'violation-severity': unknownValue('severity', 'Mức độ vi phạm'),
  'follow-up-result': unknownValue('follow-up result', 'Kết quả thực hiện kết luận'),
  'quality-rating': unknownValue('rating', 'Mức xếp loại'),
  'removal-ground': unknownValue('ground', 'Căn cứ xóa tên'),
  'erasure-ground': unknownValue('ground', 'Căn cứ xóa dữ liệu cá nhân'),
  'password-setter': unknownValue('password setter', 'Người đặt mật khẩu'),
  'required-for-thematic': { en: () => 'A thematic supervision has a topic', vi: () => 'Giám sát chuyên đề phải có chuyên đề' },
  'min-length': {
    en: (p) => `${p.text('field')} must be at least ${p.text('minLength')} characters long (it has ${p.text('length')})`,
    vi: (p) => `${p.text('field')} phải dài ít nhất ${p.text('minLength')} ký tự (hiện có ${p.text('length')})`,
  },
  'max-length': {
    en: (p) => `${p.text('field')} must be at most ${p.text('maxLength')} characters long`,
    vi: (p) => `${p.text('field')} dài tối đa ${p.text('maxLength')} ký tự`,
  },
  'not-common': {
    en: (p) => `${p.text('field')} is one of the commonest passwords; choose another`,
    vi: (p) => `${p.text('field')} là một trong những mật khẩu phổ biến nhất; hãy chọn mật khẩu khác`,
  },
  'not-username': { en: (p) => `${p.text('field')} must not be the username`, vi: (p) => `${p.text('field')} không được trùng tên đăng nhập` },
  'calendar-year': { en: (p) => `Not a calendar year: ${p.text('value')}`, vi: (p) => `${p.text('value')} không phải là năm hợp lệ` },
  changed: { en: (p) => alreadyWhat(p).en, vi: (p) => alreadyWhat(p).vi },
  'not-self': { en: (p) => selfWhat(p).en, vi: (p) => selfWhat(p).vi },
  'subject-organization-or-above': {
    en: () => "The body considering the case must belong to the subject's organization or one above it",
    vi: () => 'Cơ quan xem xét hồ sơ phải thuộc tổ chức đảng của đối tượng hoặc tổ chức cấp trên',
  },
  'at-least-one': { en: () => 'No violation is recorded on the case', vi: () => 'Hồ sơ chưa ghi nhận vi phạm nào' },
  'form-only-when-changed': {
    en: () => 'A form is given exactly when the outcome is changed',
    vi: () => 'Chỉ ghi hình thức kỷ luật khi kết quả là thay đổi hình thức kỷ luật',
  },
  'not-already-active': {
    en: (p) => `${p.text('value')} is already recorded and not lifted`,
    vi: (p) => `Trường hợp ${p.text('value')} đã được ghi nhận và chưa chấm dứt`,
  },
  'recorded-and-active': {
    en: (p) => `${p.text('value')} is not an active ground on this case`,
    vi: (p) => `Trường hợp ${p.text('value')} không đang áp dụng cho hồ sơ này`,
  },
  'not-already-filed': { en: (p) => `Appeal ${p.text('value')} is already recorded`, vi: (p) => `Đơn khiếu nại ${p.text('value')} đã được ghi nhận` },
  'differs-from-sanction': {
    en: (p) => `The sanction already is ${p.text('value')}; uphold it instead`,
    vi: (p) => `Hình thức kỷ luật đã là ${p.term('value')}; hãy chuẩn y quyết định`,
  },
  'escalation-is-suspected-violation': {
    en: () => 'An inspection escalated from a supervision is on signs of violation',
    vi: () => 'Cuộc kiểm tra chuyển từ giám sát phải là kiểm tra khi có dấu hiệu vi phạm',
  },
  'not-empty': { en: () => 'An inspection team has at least one member', vi: () => 'Đoàn kiểm tra phải có ít nhất một thành viên' },
  unique: { en: () => 'A team member is listed twice', vi: () => 'Một thành viên đoàn kiểm tra bị ghi hai lần' },
  'subject-not-on-team': {
    en: () => 'The member inspected cannot sit on the inspection team',
    vi: () => 'Đảng viên được kiểm tra không được là thành viên đoàn kiểm tra',
  },
  'none-without-violation': { en: () => 'With no violation found the severity is none', vi: () => 'Không có vi phạm thì mức độ vi phạm phải là không' },
  'graded-when-violation-found': {
    en: () => 'A violation found has a severity other than none',
    vi: () => 'Khi có vi phạm, phải ghi mức độ vi phạm',
  },
  'requires-violation': {
    en: () => 'Discipline can be proposed only when a violation is found',
    vi: () => 'Chỉ đề nghị kỷ luật khi kết luận có vi phạm',
  },
  'counted-members-positive': {
    en: (p) => `No members left to count out of ${p.text('fullMembers')}`,
    vi: (p) => `Trong tổng số ${p.text('fullMembers')} đảng viên (thành viên), không còn ai được tính`,
  },
  'at-most-full-members': {
    en: (p) => `${p.text('present')} present out of ${p.text('fullMembers')} members`,
    vi: (p) => `Số có mặt (${p.text('present')}) nhiều hơn tổng số đảng viên (thành viên) (${p.text('fullMembers')})`,
  },
  'at-most-present': {
    en: (p) => `${p.text('cast')} ballots cast by ${p.text('present')} present`,
    vi: (p) => `Số phiếu (${p.text('cast')}) nhiều hơn số có mặt (${p.text('present')})`,
  },
  'form-of-subject': {
    en: (p) => `${p.text('value')} is not a level for ${p.text('subjectKind')}s`,
    vi: (p) => `${p.term('value')} không phải mức áp dụng cho ${p.term('subjectKind')}`,
  },
  'before-admission': {
    en: (p) => `birthDate ${p.text('value')} must be before admittedOn ${p.text('admittedOn')}`,
    vi: (p) => `birthDate (${p.text('value')}) phải trước admittedOn (${p.text('admittedOn')})`,
  },
  'not-held': { en: (p) => `The member already holds post ${p.text('value')}`, vi: (p) => `Đảng viên đang giữ chức vụ ${p.text('value')}` },
  held: { en: (p) => `The member holds no post ${p.text('value')}`, vi: (p) => `Đảng viên không giữ chức vụ ${p.text('value')}` },
  'positive-integer': {
    en: (p) => `${p.text('field')} must be a positive whole number`,
    vi: (p) => `${p.text('field')} phải là số nguyên dương`,
  },
  established: {
    en: (p) => `The ${p.text('value')} is not established in this organization`,
    vi: (p) => `Tổ chức này chưa thành lập ${p.term('value')}`,
  },
  'not-yet-handed-over': {
    en: (p) => `This body has already handed over ${p.text('value')}`,
    vi: (p) => `Cơ quan này đã bàn giao chức năng ${p.term('value')}`,
  },
  'not-yet-absorbed': {
    en: (p) => `${p.text('value')} is already absorbed into this organization`,
    vi: (p) => `Tổ chức ${p.text('value')} đã được hợp nhất vào tổ chức này`,
  },
  distinct: {
    en: (p) =>
      `${p.text('field')} repeats the grant ${p.text('grant.role')} over ${p.has('grant.organizationId') ? p.text('grant.organizationId') : 'the whole tree'}`,
    vi: (p) =>
      `${p.text('field')} lặp lại quyền ${p.term('grant.role')} trên ${p.has('grant.organizationId') ? `tổ chức ${p.text('grant.organizationId')}` : 'toàn bộ cây tổ chức'}`,
  },
  'issuer-url': {
    en: () => 'issuer must be the provider’s issuer URL, as its tokens’ "iss" claim says it (at most 500 characters)',
    vi: () => 'issuer phải là địa chỉ URL của nhà cung cấp định danh, đúng như trường "iss" trong mã của họ (tối đa 500 ký tự)',
  },
  'subject-length': {
    en: () => 'subject must be 1 to 255 characters: the provider’s "sub" for the person',
    vi: () => 'subject phải dài từ 1 đến 255 ký tự: mã "sub" của người đó tại nhà cung cấp định danh',
  },
  'username-format': {
    en: () => 'username must be 2 to 64 lower-case letters, digits, ".", "-" or "_", starting with a letter or digit',
    vi: () => 'username phải gồm 2 đến 64 chữ cái thường, chữ số, ".", "-" hoặc "_", bắt đầu bằng chữ cái hoặc chữ số',
  },
} as const satisfies Readonly<Record<string, Wording>>;

export type InputRule = keyof typeof INPUT_REFUSALS;
