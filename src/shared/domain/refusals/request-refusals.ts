import { byDetail, type Particulars, type Wording } from './wording.js';

function grantTarget(p: Particulars, language: 'en' | 'vi'): string {
  if (language === 'en')
    return `${p.text('grant.role')} over ${p.has('grant.organizationId') ? `organization ${p.text('grant.organizationId')}` : 'the whole tree'}`;
  return `${p.term('grant.role')} trên ${p.has('grant.organizationId') ? `tổ chức ${p.text('grant.organizationId')}` : 'toàn bộ cây tổ chức'}`;
}

/** A reason given for a generic status only (a route the service does not have, a header Express refused). */
function generic(en: string, vi: string): Wording {
  return { en: () => en, vi: () => vi };
}

/** Why a request is not authenticated (401 `unauthenticated`). */
const UNAUTHENTICATED = {
  'no-bearer-token': {
    en: () => 'Send a bearer token: Authorization: Bearer <token> (POST /api/v1/auth/login gives one)',
    vi: () => 'Hãy gửi mã truy cập: Authorization: Bearer <token> (lấy tại POST /api/v1/auth/login)',
  },
  'not-a-jwt': { en: () => 'The bearer token is not a JWT', vi: () => 'Mã truy cập không phải JWT' },
  'untrusted-issuer': {
    en: () => 'The bearer token comes from an issuer this service does not trust',
    vi: () => 'Mã truy cập do một nơi cấp mà hệ thống không tin cậy',
  },
  'issued-in-future': {
    en: (p) => `The bearer token is issued in the future: "iat" is more than ${p.text('toleranceSeconds')} seconds ahead of the service clock`,
    vi: (p) => `Mã truy cập được cấp ở thời điểm tương lai: "iat" sớm hơn đồng hồ của hệ thống quá ${p.text('toleranceSeconds')} giây`,
  },
  expired: { en: () => 'The bearer token has expired', vi: () => 'Mã truy cập đã hết hạn' },
  'claim-refused': {
    en: (p) =>
      `The bearer token is refused: ${p.text('check') === 'missing' ? `missing required "${p.text('claim')}" claim` : `"${p.text('claim')}" claim check failed`}`,
    vi: (p) =>
      `Mã truy cập bị từ chối: ${p.text('check') === 'missing' ? `thiếu trường bắt buộc "${p.text('claim')}"` : `trường "${p.text('claim')}" không hợp lệ`}`,
  },
  'bad-signature': { en: () => 'The bearer token’s signature does not verify', vi: () => 'Chữ ký của mã truy cập không hợp lệ' },
  'no-account-named': { en: () => 'The token does not name an account', vi: () => 'Mã truy cập không ghi tài khoản nào' },
  'no-grants-named': { en: () => 'The token does not name a subject with grants', vi: () => 'Mã truy cập không ghi người dùng và quyền của họ' },
  'unknown-account': {
    en: () => 'The bearer token names an account that does not exist',
    vi: () => 'Mã truy cập ghi một tài khoản không tồn tại',
  },
  'account-disabled': { en: () => 'The bearer token’s account is disabled', vi: () => 'Tài khoản của mã truy cập đã bị khóa' },
  'session-ended': {
    en: () => 'The bearer token’s session has ended (logged out, or the password changed); log in again',
    vi: () => 'Phiên làm việc của mã truy cập đã kết thúc (đã đăng xuất hoặc đã đổi mật khẩu); hãy đăng nhập lại',
  },
} as const satisfies Readonly<Record<string, Wording>>;

export type UnauthenticatedReason = keyof typeof UNAUTHENTICATED;

/**
 * Refusals of a request by the service itself, before or beside any domain rule (authentication, grants,
 * limits, idempotency, the body as sent), keyed by their stable code.
 */
export const REQUEST_REFUSALS = {
  unauthenticated: byDetail('reason', UNAUTHENTICATED, generic('Authentication is required', 'Cần đăng nhập')),
  'invalid-credentials': { en: () => 'Wrong username or password', vi: () => 'Sai tên đăng nhập hoặc mật khẩu' },
  'account-disabled': { en: (p) => `The account ${p.text('username')} is disabled`, vi: (p) => `Tài khoản ${p.text('username')} đã bị khóa` },
  'password-change-required': {
    en: () => 'Change your password first: POST /api/v1/auth/password, then log in again',
    vi: () => 'Hãy đổi mật khẩu trước (POST /api/v1/auth/password), rồi đăng nhập lại',
  },
  'wrong-current-password': {
    en: () => 'currentPassword is not the account’s password',
    vi: () => 'currentPassword không đúng mật khẩu của tài khoản',
  },
  'password-unchanged': { en: () => 'newPassword must differ from currentPassword', vi: () => 'newPassword phải khác currentPassword' },
  'username-taken': {
    en: (p) => `An account named ${p.text('username')} exists already`,
    vi: (p) => `Đã có tài khoản tên ${p.text('username')}`,
  },
  'identity-linked-elsewhere': {
    en: (p) => `${p.text('issuer')}#${p.text('subject')} is linked to another account`,
    vi: (p) => `Định danh ${p.text('issuer')}#${p.text('subject')} đã được liên kết với một tài khoản khác`,
  },
  'identity-not-linked': {
    en: (p) => `No account is linked to ${p.text('issuer')}#${p.text('subject')}: an administrator links it to yours (POST /api/v1/accounts/{id}/identities)`,
    vi: (p) =>
      `Định danh ${p.text('issuer')}#${p.text('subject')} chưa được liên kết với tài khoản nào: đề nghị quản trị viên liên kết (POST /api/v1/accounts/{id}/identities)`,
  },
  'provider-not-configured': {
    en: () => 'This service signs in with passwords only: no identity provider is configured',
    vi: () => 'Hệ thống chỉ đăng nhập bằng mật khẩu: chưa cấu hình nhà cung cấp định danh',
  },
  'provider-unavailable': {
    en: (p) =>
      `The identity provider did not answer ${p.text('step') === 'discovery' ? 'with its discovery document' : 'the code exchange'} (${p.text('cause')}); try again`,
    vi: (p) =>
      `Nhà cung cấp định danh không trả lời ${p.text('step') === 'discovery' ? 'tài liệu cấu hình' : 'yêu cầu đổi mã'} (${p.text('cause')}); hãy thử lại`,
  },
  'provider-refused': {
    en: (p) => `The identity provider refused the code${p.has('said') ? ` (${p.text('said')})` : ''}: sign in again`,
    vi: (p) => `Nhà cung cấp định danh từ chối mã đăng nhập${p.has('said') ? ` (${p.text('said')})` : ''}: hãy đăng nhập lại`,
  },
  'provider-token-invalid': {
    en: (p) => `The identity provider's ID token is refused: ${p.text('cause')}`,
    vi: (p) => `Mã định danh do nhà cung cấp cấp bị từ chối: ${p.text('cause')}`,
  },
  'no-local-account': {
    en: () => 'Only a local account has a password and sessions here; sign out at your identity provider',
    vi: () => 'Chỉ tài khoản của hệ thống này mới có mật khẩu và phiên làm việc ở đây; hãy đăng xuất tại nhà cung cấp định danh của bạn',
  },
  forbidden: byDetail(
    'reason',
    {
      'role-required': {
        en: (p) =>
          `${p.text('method')} ${p.text('route')} needs one of the roles${p.text('wholeTree') === 'true' ? ' over the whole tree' : ''}: ${p.text('roles') || 'none (closed)'}`,
        vi: (p) =>
          `${p.text('method')} ${p.text('route')} cần một trong các vai trò${p.text('wholeTree') === 'true' ? ' trên toàn bộ cây tổ chức' : ''}: ${p.term('roles') || 'không vai trò nào (đã đóng)'}`,
      },
      'whole-tree-administrator': {
        en: (p) =>
          p.text('act') === 'create'
            ? 'Only an administrator over the whole tree may create an account whose password need not change at the first login'
            : 'Only an administrator over the whole tree may reset a password that need not change at the next login',
        vi: (p) =>
          p.text('act') === 'create'
            ? 'Chỉ quản trị viên trên toàn bộ cây tổ chức mới được tạo tài khoản không phải đổi mật khẩu khi đăng nhập lần đầu'
            : 'Chỉ quản trị viên trên toàn bộ cây tổ chức mới được đặt lại mật khẩu không phải đổi khi đăng nhập lần sau',
      },
      'grants-changed': {
        en: (p) => `Your grants have changed since the first request with Idempotency-Key ${p.text('idempotencyKey')}: its answer is not repeated`,
        vi: (p) => `Quyền của bạn đã thay đổi kể từ yêu cầu đầu tiên có Idempotency-Key ${p.text('idempotencyKey')}: không trả lại kết quả của yêu cầu đó`,
      },
      'audit-organization-required': {
        en: () => 'The audit trail outside the whole tree needs an organizationId within the caller’s organizations',
        vi: () => 'Người không có quyền trên toàn bộ cây tổ chức phải ghi organizationId thuộc các tổ chức của mình để xem nhật ký kiểm toán',
      },
    },
    generic('Forbidden', 'Không có quyền thực hiện'),
  ),
  'out-of-scope': byDetail(
    'reason',
    {
      'account-grant': {
        en: (p) => `Your administrator grants do not reach ${grantTarget(p, 'en')}: an account or grant is managed only from its organization or one above it`,
        vi: (p) => `Quyền quản trị của bạn không bao gồm ${grantTarget(p, 'vi')}: tài khoản và quyền chỉ được quản lý từ tổ chức của nó hoặc tổ chức cấp trên`,
      },
      stream: {
        en: (p) => `Your grants do not reach the organization this ${p.text('streamType')} concerns`,
        vi: (p) => `Quyền của bạn không bao gồm tổ chức đảng liên quan đến ${p.term('streamType')} này`,
      },
    },
    generic('Your grants do not reach this organization', 'Quyền của bạn không bao gồm tổ chức này'),
  ),
  'rate-limited': {
    en: (p) => `More than ${p.text('limitPerMinute')} requests in a minute; retry in ${p.text('retryAfterSeconds')} s`,
    vi: (p) => `Quá ${p.text('limitPerMinute')} yêu cầu trong một phút; hãy thử lại sau ${p.text('retryAfterSeconds')} giây`,
  },
  'idempotency-key-reused': {
    en: (p) => `Idempotency-Key ${p.text('idempotencyKey')} was used for another request`,
    vi: (p) => `Idempotency-Key ${p.text('idempotencyKey')} đã được dùng cho một yêu cầu khác`,
  },
  'idempotency-request-in-flight': {
    en: (p) => `The first request with Idempotency-Key ${p.text('idempotencyKey')} is still being processed`,
    vi: (p) => `Yêu cầu đầu tiên có Idempotency-Key ${p.text('idempotencyKey')} vẫn đang được xử lý`,
  },
  'concurrency-conflict': {
    en: (p) => `Stream ${p.text('streamId')} is at version ${p.text('currentVersion')}; expected ${p.text('expectedVersion')}`,
    vi: (p) =>
      `Bản ghi ${p.text('streamId')} đang ở phiên bản ${p.text('currentVersion')}, không phải ${p.text('expectedVersion')}: đã có người ghi nhận trước; hãy tải lại`,
  },
  'not-found': byDetail(
    'reason',
    {
      stream: { en: (p) => `Stream ${p.text('streamId')} does not exist`, vi: (p) => `Bản ghi ${p.text('streamId')} không tồn tại` },
      member: { en: (p) => `No member ${p.text('memberId')} is recorded`, vi: (p) => `Chưa ghi nhận đảng viên ${p.text('memberId')}` },
      'organization-history': {
        en: (p) => `Organization ${p.text('organizationId')} is not known to the organization history`,
        vi: (p) => `Lịch sử tổ chức không có tổ chức ${p.text('organizationId')}`,
      },
      'organization-statistics': {
        en: (p) => `Organization ${p.text('organizationId')} is not known to the discipline statistics`,
        vi: (p) => `Thống kê kỷ luật không có tổ chức ${p.text('organizationId')}`,
      },
      'no-checkpoint': { en: () => 'No audit checkpoint has been made yet', vi: () => 'Chưa có điểm kiểm toán nào được ký' },
    },
    generic('Nothing is found at this address', 'Không tìm thấy nội dung tại địa chỉ này'),
  ),
  'body-too-deep': {
    en: (p) => `The body may nest objects and arrays at most ${p.text('maxDepth')} levels deep`,
    vi: (p) => `Nội dung yêu cầu chỉ được lồng đối tượng và mảng tối đa ${p.text('maxDepth')} cấp`,
  },
  'malformed-json': { en: () => 'The body must be a JSON object (or array)', vi: () => 'Nội dung yêu cầu phải là một đối tượng (hoặc mảng) JSON' },
  'payload-too-large': {
    en: (p) => (p.has('limit') ? `The body exceeds the limit of ${p.text('limit')} bytes` : 'The body is too large'),
    vi: (p) => (p.has('limit') ? `Nội dung yêu cầu vượt quá giới hạn ${p.text('limit')} byte` : 'Nội dung yêu cầu quá lớn'),
  },
  'database-unavailable': {
    en: () => 'The database cannot be reached at the moment; try again shortly',
    vi: () => 'Hiện không kết nối được cơ sở dữ liệu; hãy thử lại sau ít phút',
  },
  'rebuild-pending': {
    en: (p) =>
      p
        .items('pending')
        .map((r) => `projection ${r.text('projection')} needs a rebuild to version ${r.text('version')} by the schema owner`)
        .join('; '),
    vi: (p) =>
      p
        .items('pending')
        .map((r) => `dữ liệu tổng hợp ${r.text('projection')} cần được chủ sở hữu lược đồ dựng lại theo phiên bản ${r.text('version')}`)
        .join('; '),
  },
  'internal-error': {
    en: () => 'An unexpected error occurred; it has been logged',
    vi: () => 'Đã xảy ra lỗi ngoài dự kiến; lỗi đã được ghi lại',
  },
  'bad-request': generic('The request is not valid', 'Yêu cầu không hợp lệ'),
  'method-not-allowed': generic('This method is not allowed here', 'Không dùng được phương thức này tại đây'),
  'not-acceptable': generic('No answer in a format the request accepts', 'Không có kết quả ở định dạng mà yêu cầu chấp nhận'),
  conflict: generic('The request conflicts with the current state', 'Yêu cầu mâu thuẫn với trạng thái hiện tại'),
  'unsupported-media-type': generic('The body’s media type is not supported', 'Không hỗ trợ kiểu nội dung của yêu cầu'),
  unprocessable: generic('The request cannot be processed', 'Không xử lý được yêu cầu'),
  'precondition-required': generic('The request needs a precondition (If-Match)', 'Yêu cầu phải có điều kiện If-Match'),
  'too-many-requests': generic('Too many requests; try again later', 'Quá nhiều yêu cầu; hãy thử lại sau'),
  'client-error': generic('The request was refused', 'Yêu cầu bị từ chối'),
} as const satisfies Readonly<Record<string, Wording>>;

export type RequestCode = keyof typeof REQUEST_REFUSALS;
