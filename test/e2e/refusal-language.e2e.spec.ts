import { serviceOn } from '../support/api-client.js';
import { testDatabases } from '../support/databases.js';

/** Words an English sentence is made of; a Vietnamese detail holds none of them outside the values it quotes. */
const ENGLISH = /\b(the|is|must|not|before|after|starts|ends|period|be|should|of|and|a|an)\b/i;
/** Vietnamese letters with diacritics (decomposed: a base letter and its combining marks, or đ). */
const DIACRITIC = /[\u0300-\u0323đĐ]/u;

function vietnameseWords(detail: string): string {
  // Field names, dates and ids are quoted as they are.
  return detail.replace(/\b[\w.]+\.[\w.]+\b|\d{4}-\d{2}-\d{2}|\b[a-z]+[A-Z]\w*\b/g, ' ');
}

describe.each(testDatabases())('refusals in the language the request asks for, on $name', (database) => {
  const service = serviceOn(database);

  async function decideInspection(period: { from: string; to: string }, language: string) {
    const subject = await service.tree.admit('Trần Văn Bình');
    const inspector = await service.tree.admit('Lê Thị Hoa');
    const proposed = await service.api.create('inspections', {
      body: { organizationId: service.tree.commune.id, bodyKind: 'inspection-commission' },
      subject: { kind: 'member', memberId: subject.id },
      kind: 'suspected-violation',
      grounds: 'Đơn tố cáo về việc cấp đất sai quy định',
      proposedOn: '2025-09-01',
    });
    const decision = { decisionNumber: '12-QĐ/UBKT', decidedOn: '2025-09-05', scope: 'Quản lý đất đai', period, teamMemberIds: [inspector.id] };
    return service.api.post(`inspections/${proposed.id}/decide`, decision, proposed.version).set('Accept-Language', language).expect(422);
  }

  it('words an inspection whose period ends before it starts in Vietnamese when the officer prefers it', async () => {
    const period = { from: '2025-06-30', to: '2024-01-01' };
    const refused = await decideInspection(period, 'vi-VN,vi;q=0.9,en;q=0.8');
    expect(refused.headers['content-language']).toBe('vi');
    expect(refused.body).toMatchObject({
      code: 'invalid-input',
      details: { field: 'period.to', rule: 'not-before-from', from: '2025-06-30', to: '2024-01-01' },
    });
    const detail = refused.body.detail as string;
    expect(detail).toBe('Kỳ kết thúc (01/01/2024) trước ngày bắt đầu (30/06/2025)');
    expect(detail.normalize('NFD')).toMatch(DIACRITIC);
    expect(vietnameseWords(detail)).not.toMatch(ENGLISH);
  });

  it('words the same refusal in English by default and for any other language', async () => {
    const period = { from: '2025-06-30', to: '2024-01-01' };
    for (const language of ['en', 'fr-FR', 'en-US,en;q=0.9,vi;q=0.5']) {
      const refused = await decideInspection(period, language);
      expect(refused.headers['content-language']).toBe('en');
      expect(refused.body).toMatchObject({ code: 'invalid-input', detail: 'The period ends (2024-01-01) before it starts (2025-06-30)' });
    }
  });

  it('names each field and the rule it breaks in Vietnamese, and in English, when validation refuses the body', async () => {
    const invalid = {
      body: { organizationId: 'not-a-uuid', bodyKind: 'inspection-commission' },
      kind: 'suspected-violation',
      grounds: '   ',
      proposedOn: '2025-09-01',
      surplus: 1,
    };
    const vi = await service.api.post('inspections', invalid).set('Accept-Language', 'vi').expect(400);
    expect(vi.body.code).toBe('validation-failed');
    const byField = (body: { errors: { field: string; rule: string; message: string }[] }) =>
      Object.fromEntries(body.errors.map(({ field, rule, message }) => [`${field} ${rule}`, message]));
    expect(byField(vi.body)).toMatchObject({
      'body.organizationId isUuid': 'body.organizationId phải là mã UUID',
      'subject isDefined': 'Thiếu subject',
      'grounds isNotBlank': 'grounds không được để trống',
      'surplus whitelistValidation': 'Không được gửi trường surplus',
    });
    for (const message of [vi.body.detail as string, ...Object.values(byField(vi.body))]) {
      expect(message.normalize('NFD')).toMatch(DIACRITIC);
      expect(vietnameseWords(message)).not.toMatch(ENGLISH);
    }

    const en = await service.api.post('inspections', invalid).expect(400);
    expect(byField(en.body)).toMatchObject({
      'body.organizationId isUuid': 'body.organizationId must be a UUID',
      'grounds isNotBlank': 'grounds must not be blank',
      'surplus whitelistValidation': 'property surplus should not exist',
    });
  });

  it('names a limit the request field breaks, in Vietnamese', async () => {
    const long = await service.api.get('audit/events?pageSize=500').set('Accept-Language', 'vi').expect(400);
    expect(long.body.errors).toEqual([expect.objectContaining({ field: 'pageSize', rule: 'max', message: 'pageSize không được lớn hơn 200' })]);
  });
});
