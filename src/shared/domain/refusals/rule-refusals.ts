import { byDetail, type Particulars, type Wording } from './wording.js';

/** Refusals by a rule of the Charter, a regulation or the service (422), keyed by their stable code. */
export const RULE_REFUSALS = {
  'subject-outside-body-organization': {
    en: (p) =>
      `${p.text('field')}: a body acts only on its own organization, those below it and their members; organization ${p.text('bodyOrganizationId')} is not the subject's nor one above it`,
    vi: (p) =>
      `${p.text('field')}: cơ quan chỉ xem xét tổ chức đảng của mình, các tổ chức cấp dưới và đảng viên của các tổ chức đó; tổ chức ${p.text('bodyOrganizationId')} không phải tổ chức của đối tượng, cũng không phải cấp trên của tổ chức đó`,
  },
  'no-ballot': {
    en: (p) => `No ballot of ${p.text('decidingBody.bodyKind')} ${p.text('decidingBody.organizationId')} is recorded`,
    vi: (p) => `Chưa ghi nhận lần bỏ phiếu nào của ${p.term('decidingBody.bodyKind')} thuộc tổ chức ${p.text('decidingBody.organizationId')}`,
  },
  'vote-below-threshold': byDetail(
    'reason',
    {
      'no-form-reached': {
        en: () => 'No form reached its threshold in the ballot',
        vi: () => 'Trong lần bỏ phiếu, không hình thức kỷ luật nào đạt tỷ lệ cần thiết',
      },
      'proposal-below-threshold': {
        en: (p) => `${p.text('form')} must first be proposed by at least ${p.text('threshold.numerator')}/${p.text('threshold.denominator')}`,
        vi: (p) =>
          `Hình thức ${p.term('form')} phải được ít nhất ${p.text('threshold.numerator')}/${p.text('threshold.denominator')} số đảng viên (thành viên) biểu quyết đề nghị trước`,
      },
      'form-not-voted': {
        en: () => 'The body must first vote the form that would apply (HD 08-HD/TW)',
        vi: () => 'Cơ quan phải bỏ phiếu về hình thức kỷ luật sẽ áp dụng trước (HD 08-HD/TW)',
      },
    },
    { en: () => 'The vote did not reach its threshold', vi: () => 'Kết quả biểu quyết không đạt tỷ lệ cần thiết' },
  ),
  'form-differs-from-ballot': {
    en: (p) => `The ballot decided ${p.text('ballotOutcome')}, not ${p.text('form')}`,
    vi: (p) => `Kết quả bỏ phiếu là ${p.term('ballotOutcome')}, không phải ${p.term('form')}`,
  },
  'limitation-not-expired': {
    en: () => 'The limitation period has not expired; the case is to be decided',
    vi: () => 'Thời hiệu kỷ luật chưa hết; phải quyết định kỷ luật đối với hồ sơ này',
  },
  'lapse-not-applicable': {
    en: (p) => `${p.text('form')} does not lapse`,
    vi: (p) => `Hình thức ${p.term('form')} không tự hết hiệu lực`,
  },
  'lapse-interrupted': {
    en: () => 'A new violation after the announcement, or a pending appeal, holds the lapse',
    vi: () => 'Quyết định chưa hết hiệu lực vì có vi phạm mới sau ngày công bố hoặc có đơn khiếu nại đang giải quyết',
  },
  'lapse-not-reached': {
    en: (p) => `The decision lapses on ${p.text('lapsesOn')}`,
    vi: (p) => `Quyết định kỷ luật hết hiệu lực vào ngày ${p.text('lapsesOn')}`,
  },
  'appeal-not-admissible': byDetail(
    'reason',
    {
      'filed-on-behalf-of-another': {
        en: () => 'Only the disciplined member or organization may appeal',
        vi: () => 'Chỉ đảng viên hoặc tổ chức đảng bị kỷ luật mới được khiếu nại',
      },
      'being-handled-higher-up': {
        en: (p) => `Appeal ${p.text('pending.appealId')} is already being handled`,
        vi: (p) => `Đơn khiếu nại ${p.text('pending.appealId')} đang được giải quyết`,
      },
      'decided-at-final-level': {
        en: (p) => (p.has('final') ? `Appeal ${p.text('final.appealId')} was decided at the final level` : 'There is no level above the body that decided'),
        vi: (p) =>
          p.has('final') ? `Đơn khiếu nại ${p.text('final.appealId')} đã được giải quyết ở cấp cuối cùng` : 'Không có cấp nào trên cơ quan đã quyết định',
      },
      'not-the-next-higher-level': {
        en: () => 'An appeal is handled by the next higher level only',
        vi: () => 'Đơn khiếu nại chỉ do cấp trên trực tiếp giải quyết',
      },
      'no-reviewing-level': {
        en: (p) => `No body at ${p.text('level')} level handles appeals under ${p.text('ruleVersion')}`,
        vi: (p) => `Theo quy định ${p.text('ruleVersion')}, không có cơ quan nào ở cấp ${p.term('level')} giải quyết khiếu nại`,
      },
    },
    { en: () => 'The appeal is not admissible', vi: () => 'Đơn khiếu nại không đủ điều kiện để giải quyết' },
  ),
  'no-authority': {
    en: (p) =>
      p.has('body')
        ? `${p.text('body.bodyKind')} of ${p.text('body.organizationId')} may not impose ${p.text('form')}` +
          (p.has('referTo') ? `; ${p.text('referTo.bodyKind')} of ${p.text('referTo.organizationId')} may decide` : '')
        : `No body may impose ${p.text('form')} on this subject`,
    vi: (p) =>
      p.has('body')
        ? `${capitalized(p.term('body.bodyKind'))} của tổ chức ${p.text('body.organizationId')} không có thẩm quyền thi hành kỷ luật ${p.term('form')}` +
          (p.has('referTo') ? `; ${p.term('referTo.bodyKind')} của tổ chức ${p.text('referTo.organizationId')} có thẩm quyền quyết định` : '')
        : `Không cơ quan nào có thẩm quyền thi hành kỷ luật ${p.term('form')} đối với đối tượng này`,
  },
  'inspection-not-concluded': {
    en: (p) => `Inspection ${p.text('inspectionId')} has not concluded (status ${p.text('status')})`,
    vi: (p) => `Cuộc kiểm tra ${p.text('inspectionId')} chưa có kết luận (trạng thái ${p.text('status')})`,
  },
  'discipline-not-proposed': {
    en: (p) => `The conclusion of inspection ${p.text('inspectionId')} does not propose discipline`,
    vi: (p) => `Kết luận của cuộc kiểm tra ${p.text('inspectionId')} không đề nghị kỷ luật`,
  },
  'subject-differs-from-inspection': {
    en: (p) => `Inspection ${p.text('inspectionId')} concerns another subject`,
    vi: (p) => `Cuộc kiểm tra ${p.text('inspectionId')} có đối tượng khác`,
  },
  'no-decision-in-effect': {
    en: (p) => `Case ${p.text('caseId')} has no decision in effect to appeal (status ${p.text('status')})`,
    vi: (p) => `Hồ sơ kỷ luật ${p.text('caseId')} không có quyết định kỷ luật đang có hiệu lực để khiếu nại (trạng thái ${p.text('status')})`,
  },
  'form-not-allowed': {
    en: (p) => `${p.text('form')} is not a form of discipline for this subject`,
    vi: (p) => `${capitalized(p.term('form'))} không phải hình thức kỷ luật áp dụng cho đối tượng này`,
  },
  'deferral-active': {
    en: (p) => {
      const grounds = groundsOf(p);
      if (!p.has('act')) return `Discipline is not yet considered on ${p.text('on')}: ${grounds}`;
      const what = p.text('act') === 'ballot' ? 'No ballot may be held' : 'The decision may not rest on a ballot held';
      return `${what} on ${p.text('on')}: the case is not yet considered (${grounds})`;
    },
    vi: (p) => {
      const grounds = groundsOf(p);
      if (!p.has('act')) return `Ngày ${p.text('on')} đang thuộc trường hợp chưa xem xét kỷ luật: ${grounds}`;
      const what = p.text('act') === 'ballot' ? 'Không được bỏ phiếu' : 'Quyết định không được dựa trên lần bỏ phiếu';
      return `${what} vào ngày ${p.text('on')}: hồ sơ đang thuộc trường hợp chưa xem xét kỷ luật (${grounds})`;
    },
  },
  'no-rule-version': {
    en: (p) => `No rule version is in force on ${p.text('on')}`,
    vi: (p) => `Không có phiên bản quy định nào có hiệu lực vào ngày ${p.text('on')}`,
  },
  'unknown-rule-version': {
    en: (p) => `No rule version ${p.text('ruleVersion')}`,
    vi: (p) => `Không có phiên bản quy định ${p.text('ruleVersion')}`,
  },
  'appeal-late': {
    en: (p) => `Appeal filed on ${p.text('filedOn')}; the window closed on ${p.text('lastDay')}`,
    vi: (p) => `Đơn khiếu nại nộp ngày ${p.text('filedOn')}; thời hạn khiếu nại đã hết vào ngày ${p.text('lastDay')}`,
  },
  'limitation-expired': {
    en: (p) => `The limitation period ended on ${p.text('lastDate')}; concluded on ${p.text('concludedOn')}`,
    vi: (p) => `Thời hiệu kỷ luật đã hết vào ngày ${p.text('lastDate')}; ngày kết luận là ${p.text('concludedOn')}`,
  },
  'admission-power-level': {
    en: (p) => `Only a grassroots committee may be empowered to admit members (${p.text('reference')}); this organization is at ${p.text('level')} level`,
    vi: (p) => `Chỉ đảng ủy cơ sở mới được ủy quyền kết nạp đảng viên (${p.text('reference')}); tổ chức này ở ${p.term('level')}`,
  },
  'contradicts-record': {
    en: (p) => `${p.text('field')}: the record says ${p.text('recorded')}, not ${p.text('requested')}; record the change first`,
    vi: (p) => `${p.text('field')}: hồ sơ ghi ${p.text('recorded')}, không phải ${p.text('requested')}; cần ghi nhận thay đổi vào hồ sơ trước`,
  },
  'probation-not-completed': {
    en: (p) => `Probation runs ${p.text('probationMonths')} months, until ${p.text('probationEndsOn')}`,
    vi: (p) => `Thời gian dự bị là ${p.text('probationMonths')} tháng, đến ngày ${p.text('probationEndsOn')}`,
  },
  'removal-ground-probationary-only': {
    en: () => 'Only a probationary member is removed for not qualifying at the end of probation',
    vi: () => 'Chỉ đảng viên dự bị mới bị xóa tên vì không đủ tư cách khi hết thời gian dự bị',
  },
  'expulsion-full-members-only': {
    en: () => 'A probationary member can be reprimanded or warned, not expelled',
    vi: () => 'Đảng viên dự bị chỉ bị khiển trách hoặc cảnh cáo, không bị khai trừ',
  },
  'inspection-commission-level': {
    en: (p) => `An inspection commission is elected only at grassroots level and up; this organization is at ${p.text('level')} level`,
    vi: (p) => `Ủy ban kiểm tra chỉ được bầu từ cấp cơ sở trở lên; tổ chức này ở cấp ${p.term('level')}`,
  },
  'body-already-established': {
    en: (p) => `The ${p.text('bodyKind')} of this organization is already established`,
    vi: (p) => `${capitalized(p.term('bodyKind'))} của tổ chức này đã được thành lập`,
  },
  'already-in-planning': {
    en: (p) => `Member ${p.text('memberId')} is already on planning list ${p.text('planningListId')}`,
    vi: (p) => `Đảng viên ${p.text('memberId')} đã có tên trong danh sách quy hoạch ${p.text('planningListId')}`,
  },
  'not-in-planning': {
    en: (p) => `Member ${p.text('memberId')} is not on planning list ${p.text('planningListId')}`,
    vi: (p) => `Đảng viên ${p.text('memberId')} không có tên trong danh sách quy hoạch ${p.text('planningListId')}`,
  },
  'planning-bar': byDetail(
    'reason',
    {
      'planning-bar': {
        en: (p) => `Member ${p.text('memberId')} may not be planned until ${p.text('barredUntil')}: a sanction's planning bar runs on ${p.text('on')}`,
        vi: (p) =>
          `Đảng viên ${p.text('memberId')} chưa được đưa vào quy hoạch đến hết ngày ${p.text('barredUntil')}: ngày ${p.text('on')} còn trong thời hạn do bị kỷ luật`,
      },
    },
    {
      en: (p) => `Member ${p.text('memberId')} is not on the party's roll on ${p.text('on')} and cannot be planned`,
      vi: (p) => `Ngày ${p.text('on')}, đảng viên ${p.text('memberId')} không còn trong danh sách đảng viên nên không được đưa vào quy hoạch`,
    },
  ),
  'planning-term-ended': {
    en: (p) => `Planning list ${p.text('planningListId')} is for a term ending in ${p.text('toYear')}; ${p.text('on')} is after it`,
    vi: (p) => `Danh sách quy hoạch ${p.text('planningListId')} dành cho nhiệm kỳ kết thúc năm ${p.text('toYear')}; ngày ${p.text('on')} đã sau nhiệm kỳ`,
  },
  'not-removed-by-sanction': {
    en: (p) => `Member ${p.text('memberId')} was not taken off planning list ${p.text('planningListId')} by sanction ${p.text('disciplineDecisionId')}`,
    vi: (p) =>
      `Đảng viên ${p.text('memberId')} không bị đưa ra khỏi danh sách quy hoạch ${p.text('planningListId')} do quyết định kỷ luật ${p.text('disciplineDecisionId')}`,
  },
  'account-needs-grant': {
    en: () => 'An account holds at least one grant; disable it instead of removing its last one',
    vi: () => 'Tài khoản phải có ít nhất một quyền; hãy khóa tài khoản thay vì bỏ quyền cuối cùng',
  },
  'identity-not-held': {
    en: (p) => `${p.text('identity.issuer')}#${p.text('identity.subject')} is not linked to the account`,
    vi: (p) => `Định danh ${p.text('identity.issuer')}#${p.text('identity.subject')} không được liên kết với tài khoản này`,
  },
  'grant-not-held': {
    en: (p) => `The account does not hold ${p.text('grant.role')} over ${p.has('grant.organizationId') ? p.text('grant.organizationId') : 'the whole tree'}`,
    vi: (p) =>
      `Tài khoản không có quyền ${p.term('grant.role')} trên ${p.has('grant.organizationId') ? `tổ chức ${p.text('grant.organizationId')}` : 'toàn bộ cây tổ chức'}`,
  },
} as const satisfies Readonly<Record<string, Wording>>;

export type RuleCode = keyof typeof RULE_REFUSALS;

function groundsOf(p: Particulars): string {
  return p
    .items('grounds')
    .map((g) => g.text('ground'))
    .join(', ');
}

export function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
