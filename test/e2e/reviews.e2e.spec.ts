import { serviceOn } from '../support/api-client.js';
import { testDatabases } from '../support/databases.js';

describe.each(testDatabases())('reviews and quality classifications over HTTP on $name', (database) => {
  const service = serviceOn(database);

  it('schedules, holds and concludes a self-criticism review', async () => {
    const member = await service.tree.admit('Cao Văn Phúc');
    const scheduled = await service.api.create('self-criticism-reviews', {
      subject: { kind: 'member', memberId: member.id },
      period: { from: '2025-01-01', to: '2025-12-31' },
      scheduledFor: '2026-01-10',
    });
    expect(scheduled).toMatchObject({ state: { status: 'scheduled' }, allowedCommands: ['holdReview'] });
    const held = await service.api.command(`self-criticism-reviews/${scheduled.id}/hold`, { heldOn: '2026-01-10', summary: 'Chi bộ góp ý' }, scheduled.version);
    const concluded = await service.api.command(
      `self-criticism-reviews/${scheduled.id}/conclude`,
      { concludedOn: '2026-01-12', conclusion: 'Hoàn thành nhiệm vụ' },
      held.version,
    );
    expect(concluded).toMatchObject({ state: { status: 'concluded', conclusion: 'Hoàn thành nhiệm vụ' }, allowedCommands: [] });
  });

  it('classifies an organization for a year once, corrects it, and reads it by subject and year', async () => {
    const path = `quality-classifications/organization/${service.tree.commune.id}/2025`;
    const classification = {
      subject: { kind: 'organization', organizationId: service.tree.commune.id },
      year: 2025,
      body: { organizationId: service.tree.province.id, bodyKind: 'cell' },
      rating: 'good',
      classifiedOn: '2025-12-20',
    };
    const classified = await service.api.create('quality-classifications', classification);
    expect(classified).toMatchObject({
      id: `organization-${service.tree.commune.id}-2025`,
      state: { status: 'classified', rating: 'good' },
      allowedCommands: ['correctClassification'],
    });

    const again = await service.api.post('quality-classifications', classification).expect(409);
    expect(again.body).toMatchObject({ code: 'concurrency-conflict', currentVersion: 1 });

    const corrected = await service.api.command(
      `${path}/corrections`,
      { rating: 'completed', reason: 'Phát hiện vi phạm sau khi xếp loại', correctedOn: '2026-03-01' },
      classified.version,
    );
    expect(corrected.state).toMatchObject({ rating: 'completed', corrections: [{ previousRating: 'good', rating: 'completed' }] });
    expect(await service.api.view(path)).toEqual(corrected);
  });

  it('answers a classification not made with 404 and a malformed year with 400', async () => {
    await service.api.get(`quality-classifications/member/${service.tree.commune.id}/2024`).expect(404);
    const response = await service.api.get(`quality-classifications/member/${service.tree.commune.id}/last-year`).expect(400);
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'year', rule: 'isInt' })]));
    const kind = await service.api.get(`quality-classifications/cell/${service.tree.commune.id}/2024`).expect(400);
    expect(kind.body.errors).toEqual([expect.objectContaining({ field: 'subjectKind' })]);
  });
});
