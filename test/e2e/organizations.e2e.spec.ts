import { foundTree, serviceOn } from '../support/api-client.js';
import { testDatabases } from '../support/databases.js';

describe.each(testDatabases())('organizations and members over HTTP on $name', (database) => {
  const service = serviceOn(database);

  it('founds a tree with bodies; a commune (grassroots) committee has an inspection commission, a cell none (Charter art. 30)', async () => {
    const { province, commune } = await foundTree(service.api);
    expect(commune.state).toMatchObject({
      status: 'active',
      organization: {
        level: 'grassroots',
        parentId: province.id,
        bodies: [{ bodyKind: 'executive-committee' }, { bodyKind: 'inspection-commission', membersCount: 5 }],
      },
    });
    expect(commune.allowedCommands).toEqual([
      'renameOrganization',
      'moveOrganization',
      'establishBody',
      'grantAdmissionPower',
      'recordBodySuccession',
      'mergeInto',
      'dissolveOrganization',
    ]);
    const cell = await service.api.create('organizations', {
      level: 'cell',
      parentId: commune.id,
      name: 'Chi bộ thôn Đông',
      code: 'BX-D',
      foundedOn: '2025-07-02',
    });
    const refused = await service.api.post(`organizations/${cell.id}/bodies`, { bodyKind: 'inspection-commission', establishedOn: '2025-07-03' }).expect(422);
    expect(refused.body).toMatchObject({ code: 'inspection-commission-level', details: { level: 'cell', reference: 'Charter art. 30' } });
  });

  it('renames and moves an organization, then merges it: the predecessor closes, the successor keeps the lineage', async () => {
    const { province } = await foundTree(service.api);
    const other = await service.api.create('organizations', { level: 'province', name: 'Đảng bộ tỉnh Phú Thọ', code: 'PT', foundedOn: '1997-01-01' });
    const district = await service.api.create('organizations', {
      level: 'district',
      parentId: province.id,
      name: 'Đảng bộ huyện Tam Dương',
      code: 'TD',
      foundedOn: '2000-01-01',
    });
    const renamed = await service.api.command(
      `organizations/${district.id}/rename`,
      { name: 'Đảng bộ huyện Tam Dương mới', renamedOn: '2024-01-01' },
      district.version,
    );
    const moved = await service.api.command(`organizations/${district.id}/move`, { parentId: other.id, movedOn: '2024-02-01' }, renamed.version);
    expect(moved.state).toMatchObject({ organization: { name: 'Đảng bộ huyện Tam Dương mới', parentId: other.id } });

    const merged = await service.api.command(`organizations/${province.id}/merge`, { successorId: other.id, mergedOn: '2025-07-01' }, undefined);
    expect(merged).toMatchObject({ state: { status: 'merged', successorId: other.id }, allowedCommands: ['recordBodySuccession'] });
    expect((await service.api.view(`organizations/${other.id}`)).state).toMatchObject({ status: 'active', organization: { predecessorIds: [province.id] } });
  });

  it('checks both sides of a merger before writing either', async () => {
    const first = await service.api.create('organizations', { level: 'province', name: 'Đảng bộ tỉnh A', code: 'A', foundedOn: '1997-01-01' });
    const second = await service.api.create('organizations', { level: 'province', name: 'Đảng bộ tỉnh B', code: 'B', foundedOn: '1997-01-01' });
    await service.api.command(`organizations/${second.id}/dissolve`, { reason: 'Sắp xếp tổ chức bộ máy', dissolvedOn: '2025-06-30' });
    const response = await service.api.post(`organizations/${first.id}/merge`, { successorId: second.id, mergedOn: '2025-07-01' }).expect(409);
    expect(response.body).toMatchObject({ code: 'invalid-transition', details: { command: 'absorb', currentState: 'dissolved' } });
    expect((await service.api.view(`organizations/${first.id}`)).state.status).toBe('active');
    const unknown = await service.api
      .post(`organizations/${first.id}/merge`, { successorId: '3f2c1b0a-9e8d-4c7b-a6f5-e4d3c2b1a098', mergedOn: '2025-07-01' })
      .expect(422);
    expect(unknown.body).toMatchObject({ code: 'unknown-reference', details: { field: 'successorId' } });
  });

  it('walks a member from admission through probation, a post and a transfer to removal from the roll', async () => {
    const { commune, province, admit } = await foundTree(service.api);
    const other = await service.api.create('organizations', {
      level: 'grassroots',
      parentId: province.id,
      name: 'Đảng bộ xã Hương Canh',
      code: 'HC',
      foundedOn: '2025-07-01',
    });
    const admitted = await admit('Nguyễn Văn An');
    expect(admitted).toMatchObject({ version: 1, state: { status: 'probationary', member: { organizationId: commune.id } } });

    const early = await service.api.post(`members/${admitted.id}/make-full`, { madeFullOn: '2026-07-14' }).expect(422);
    expect(early.body).toMatchObject({ code: 'probation-not-completed', details: { probationEndsOn: '2026-07-15', reference: 'Charter art. 5' } });
    const full = await service.api.command(`members/${admitted.id}/make-full`, { madeFullOn: '2026-07-15' }, admitted.version);
    expect(full.state.status).toBe('full');

    const posted = await service.api.command(
      `members/${admitted.id}/posts`,
      { title: 'Bí thư chi bộ', organizationId: commune.id, committeeLevel: 'grassroots', takenUpOn: '2026-08-01' },
      full.version,
    );
    const member = posted.state['member'] as { posts: { postId: string; title: string }[] };
    expect(member.posts).toEqual([expect.objectContaining({ title: 'Bí thư chi bộ', committeeLevel: 'grassroots' })]);
    const postId = member.posts[0]!.postId;

    const transferred = await service.api.command(
      `members/${admitted.id}/transfer`,
      { toOrganizationId: other.id, transferredOn: '2026-09-01' },
      posted.version,
    );
    const left = await service.api.command(`members/${admitted.id}/posts/${postId}/leave`, { leftOn: '2026-09-01' }, transferred.version);
    const removed = await service.api.command(
      `members/${admitted.id}/remove-from-roll`,
      { ground: 'no-activity-or-dues-3-months', removedOn: '2026-11-01' },
      left.version,
    );
    expect(removed).toMatchObject({
      state: { status: 'left', leftBy: 'removed-from-roll', member: { organizationId: other.id, posts: [] } },
      allowedCommands: ['erasePersonalData'],
    });
  });

  it('releases a member and records a death', async () => {
    const { admit } = await foundTree(service.api);
    const released = await admit('Trịnh Văn Hải');
    await service.api.command(`members/${released.id}/release`, { reason: 'Tự nguyện xin ra khỏi Đảng', releasedOn: '2025-10-01' });
    expect((await service.api.view(`members/${released.id}`)).state).toMatchObject({ status: 'left', leftBy: 'released' });
    const died = await admit('Lý Thị Kim');
    expect((await service.api.command(`members/${died.id}/death`, { diedOn: '2025-10-02' })).state).toMatchObject({ leftBy: 'died' });
  });

  it('refuses to admit a member into an organization that does not exist', async () => {
    const response = await service.api
      .post('members', { organizationId: '3f2c1b0a-9e8d-4c7b-a6f5-e4d3c2b1a098', fullName: 'Nguyễn Văn Bé', birthDate: '1990-01-01', admittedOn: '2025-01-01' })
      .expect(422);
    expect(response.body).toMatchObject({ code: 'unknown-reference', details: { field: 'organizationId' } });
  });
});
