import { serviceOn } from '../support/api-client.js';
import { testDatabases } from '../support/databases.js';

describe.each(testDatabases())('supervisions over HTTP on $name', (database) => {
  const service = serviceOn(database);

  const start = (memberId: string) => ({
    body: { organizationId: service.tree.commune.id, bodyKind: 'inspection-commission' },
    subject: { kind: 'member', memberId },
    kind: 'thematic',
    plan: 'Kế hoạch giám sát 05-KH/UBKT',
    topic: 'Quản lý đất đai',
    startedOn: '2025-08-01',
  });

  it('walks a supervision to signs of violation, escalates it to a linked inspection, and closes it', async () => {
    const subject = await service.tree.admit('Bùi Văn Khoa');
    const started = await service.api.create('supervisions', start(subject.id));
    expect(started).toMatchObject({ state: { status: 'under-way' }, allowedCommands: ['recordFindings', 'concludeSupervision'] });
    const found = await service.api.command(
      `supervisions/${started.id}/findings`,
      { recordedOn: '2025-08-10', findings: 'Chưa công khai kết quả' },
      started.version,
    );
    const concluded = await service.api.command(
      `supervisions/${started.id}/conclude`,
      { concludedOn: '2025-08-20', signsOfViolation: true, summary: 'Có dấu hiệu vi phạm' },
      found.version,
    );
    expect(concluded).toMatchObject({ state: { status: 'signs-of-violation' }, allowedCommands: ['escalateSupervision', 'closeSupervision'] });

    const escalated = await service.api.command(
      `supervisions/${started.id}/escalate`,
      { escalatedOn: '2025-08-25', grounds: 'Dấu hiệu vi phạm trong cấp đất' },
      concluded.version,
    );
    const inspectionId = escalated.state['inspectionId'] as string;
    expect(escalated.state.status).toBe('escalated');
    const inspection = await service.api.view(`inspections/${inspectionId}`);
    expect(inspection).toMatchObject({
      state: {
        status: 'proposed',
        proposal: {
          kind: 'suspected-violation',
          escalatedFromSupervisionId: started.id,
          subject: { kind: 'member', memberId: subject.id },
          body: { organizationId: service.tree.commune.id, bodyKind: 'inspection-commission' },
          proposedOn: '2025-08-25',
        },
      },
      allowedCommands: ['decideInspection'],
    });

    const closed = await service.api.command(`supervisions/${started.id}/close`, { closedOn: '2025-09-01' }, escalated.version);
    expect(closed).toMatchObject({ state: { status: 'closed', inspectionId }, allowedCommands: [] });
  });

  it('escalates only on signs of violation, and writes no inspection when refused', async () => {
    const subject = await service.tree.admit('Đặng Thị Mai');
    const started = await service.api.create('supervisions', start(subject.id));
    await service.api.command(`supervisions/${started.id}/conclude`, {
      concludedOn: '2025-08-20',
      signsOfViolation: false,
      summary: 'Không có dấu hiệu vi phạm',
    });
    const response = await service.api.post(`supervisions/${started.id}/escalate`, { escalatedOn: '2025-08-25', grounds: 'Thử chuyển kiểm tra' }).expect(409);
    expect(response.body).toMatchObject({ code: 'invalid-transition', details: { currentState: 'concluded', allowedCommands: ['closeSupervision'] } });
    expect((await service.api.view(`supervisions/${started.id}`)).state.status).toBe('concluded');
  });

  it('refuses a stale If-Match on escalation before writing either stream', async () => {
    const subject = await service.tree.admit('Mai Văn Nam');
    const started = await service.api.create('supervisions', start(subject.id));
    const concluded = await service.api.command(`supervisions/${started.id}/conclude`, {
      concludedOn: '2025-08-20',
      signsOfViolation: true,
      summary: 'Có dấu hiệu',
    });
    const response = await service.api
      .post(`supervisions/${started.id}/escalate`, { escalatedOn: '2025-08-25', grounds: 'Dấu hiệu vi phạm' }, started.version)
      .expect(409);
    expect(response.body).toMatchObject({ code: 'concurrency-conflict', currentVersion: concluded.version });
  });

  it('refuses a supervised member who does not exist', async () => {
    const response = await service.api.post('supervisions', start('3f2c1b0a-9e8d-4c7b-a6f5-e4d3c2b1a098')).expect(422);
    expect(response.body).toMatchObject({ code: 'unknown-reference', details: { field: 'subject.memberId' } });
  });
});
