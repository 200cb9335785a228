import { serviceOn } from '../support/api-client.js';
import { testDatabases } from '../support/databases.js';

describe.each(testDatabases())('inspections over HTTP on $name', (database) => {
  const service = serviceOn(database);

  const proposal = (memberId: string, organizationId: string) => ({
    body: { organizationId, bodyKind: 'inspection-commission' },
    subject: { kind: 'member', memberId },
    kind: 'suspected-violation',
    grounds: 'Đơn tố cáo về việc cấp đất sai quy định',
    proposedOn: '2025-09-01',
  });

  it('walks an inspection from proposal to closure, with a follow-up, each step guarded by If-Match', async () => {
    const subject = await service.tree.admit('Trần Văn Bình');
    const inspector = await service.tree.admit('Lê Thị Hoa');
    const proposed = await service.api.create('inspections', proposal(subject.id, service.tree.commune.id));
    expect(proposed).toMatchObject({ version: 1, state: { status: 'proposed' }, allowedCommands: ['decideInspection'] });

    const steps: [string, object, string][] = [
      [
        'decide',
        {
          decisionNumber: '12-QĐ/UBKT',
          decidedOn: '2025-09-05',
          scope: 'Quản lý đất đai',
          period: { from: '2024-01-01', to: '2025-06-30' },
          teamMemberIds: [inspector.id],
        },
        'decided',
      ],
      ['send-outline', { sentOn: '2025-09-08' }, 'outline-sent'],
      ['receive-explanation', { receivedOn: '2025-09-20', summary: 'Giải trình về việc cấp đất' }, 'explanation-received'],
      ['report-verification', { reportedOn: '2025-10-01', draftReportSummary: 'Có vi phạm' }, 'verification-reported'],
      [
        'conclude',
        {
          concludedOn: '2025-10-10',
          violationFound: true,
          severity: 'serious',
          findings: 'Cấp đất sai thẩm quyền',
          recommendations: ['Kiểm điểm'],
          proposeDiscipline: true,
        },
        'concluded',
      ],
      ['notify-conclusion', { notifiedOn: '2025-10-12' }, 'conclusion-notified'],
      ['follow-ups', { checkedOn: '2026-01-12', result: 'carried-out', note: 'Đã khắc phục' }, 'following-up'],
      ['close', { closedOn: '2026-02-01' }, 'closed'],
    ];
    let view = proposed;
    for (const [route, body, status] of steps) {
      const next = await service.api.command(`inspections/${view.id}/${route}`, body, view.version);
      expect(next).toMatchObject({ id: proposed.id, version: view.version + 1, state: { status } });
      view = next;
    }
    expect(view.allowedCommands).toEqual([]);
    expect(view.state).toMatchObject({
      proposal: { subject: { kind: 'member', memberId: subject.id }, escalatedFromSupervisionId: null },
      decision: { teamMemberIds: [inspector.id] },
      followUps: [{ result: 'carried-out' }],
    });
    expect(await service.api.view(`inspections/${proposed.id}`)).toEqual(view);
  });

  it('refuses a command out of its state with 409 naming the state and the allowed commands', async () => {
    const subject = await service.tree.admit('Phạm Văn Cường');
    const proposed = await service.api.create('inspections', proposal(subject.id, service.tree.commune.id));
    const response = await service.api.post(`inspections/${proposed.id}/close`, { closedOn: '2025-09-02' }).expect(409);
    expect(response.body).toMatchObject({
      code: 'invalid-transition',
      details: { command: 'closeInspection', currentState: 'proposed', allowedCommands: ['decideInspection'] },
    });
  });

  it('refuses a stale If-Match with 409 and the current version, writing nothing', async () => {
    const subject = await service.tree.admit('Đỗ Thị Lan');
    const inspector = await service.tree.admit('Ngô Văn Giang');
    const proposed = await service.api.create('inspections', proposal(subject.id, service.tree.commune.id));
    const decision = {
      decisionNumber: '13-QĐ/UBKT',
      decidedOn: '2025-09-05',
      scope: 'Tài chính',
      period: { from: '2024-01-01', to: '2024-12-31' },
      teamMemberIds: [inspector.id],
    };
    const decided = await service.api.command(`inspections/${proposed.id}/decide`, decision, proposed.version);
    const response = await service.api.post(`inspections/${proposed.id}/send-outline`, { sentOn: '2025-09-08' }, proposed.version).expect(409);
    expect(response.body).toMatchObject({ code: 'concurrency-conflict', currentVersion: decided.version });
    expect(await service.api.view(`inspections/${proposed.id}`)).toMatchObject({ version: decided.version, state: { status: 'decided' } });
  });

  it('refuses references to records that do not exist with 422 naming the field', async () => {
    const unknown = '3f2c1b0a-9e8d-4c7b-a6f5-e4d3c2b1a098';
    const member = await service.api.post('inspections', proposal(unknown, service.tree.commune.id)).expect(422);
    expect(member.body).toMatchObject({ code: 'unknown-reference', details: { field: 'subject.memberId' } });
    const subject = await service.tree.admit('Vũ Văn Dũng');
    const body = await service.api.post('inspections', proposal(subject.id, unknown)).expect(422);
    expect(body.body).toMatchObject({ code: 'unknown-reference', details: { field: 'body.organizationId' } });
  });

  it('refuses an inspecting body the organization has not established', async () => {
    const subject = await service.tree.admit('Hoàng Văn Em');
    const response = await service.api.post('inspections', proposal(subject.id, service.tree.province.id)).expect(422);
    expect(response.body).toMatchObject({ code: 'unknown-reference', details: { field: 'body.bodyKind' } });
  });

  it('answers an unknown id with 404 and a malformed one with 400', async () => {
    const missing = await service.api.get('inspections/3f2c1b0a-9e8d-4c7b-a6f5-e4d3c2b1a098').expect(404);
    expect(missing.body).toMatchObject({ status: 404, code: 'not-found' });
    const malformed = await service.api.get('inspections/not-a-uuid').expect(400);
    expect(malformed.body).toMatchObject({ code: 'validation-failed', errors: [{ field: 'id', rule: 'isUuid' }] });
  });
});
