import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { ApiClient, foundTree, type Tree, type View } from '../support/api-client.js';
import { recordedDenials } from '../support/access-records.js';
import { testDatabases, testPool } from '../support/databases.js';
import { authorizationSecrets, startIdentityProvider, type IdentityProvider } from '../support/identity-provider.js';
import { authorizedAgent, CLIENT_ADDRESS, createTestApp, type HttpAgent } from '../support/test-app.js';

const REDIRECT_URI = 'http://localhost:5173/login/callback';
const PASSWORD = 'tam-thoi-cap-xa-2026';

describe.each(testDatabases())('sign-in through an identity provider on $name', (database) => {
  let provider: IdentityProvider;
  let app: NestExpressApplication;
  let adminAgent: HttpAgent;
  let admin: ApiClient;
  let tree: Tree;
  let suffix: string;

  const http = () => request(app.getHttpServer());
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}`, 'X-Forwarded-For': CLIENT_ADDRESS });

  /** The officer signs in at the provider as `subject`; the admin UI then hands the code to the service. */
  async function signIn(subject: string, change: (sent: Record<string, string>) => Record<string, string> = (sent) => sent) {
    const secrets = authorizationSecrets();
    const { code, state } = await provider.authorize({ subject, redirectUri: REDIRECT_URI, ...secrets });
    expect(state).toBe(secrets.state);
    const sent = change({ code, codeVerifier: secrets.codeVerifier, redirectUri: REDIRECT_URI, nonce: secrets.nonce });
    return http().post('/api/v1/auth/provider/login').set('X-Forwarded-For', CLIENT_ADDRESS).send(sent);
  }

  async function officer(name: string): Promise<View> {
    return admin.create('accounts', {
      username: `${name}-${suffix}`,
      password: PASSWORD,
      grants: [{ role: 'discipline-officer', organizationId: tree.commune.id }],
    });
  }

  const identity = (subject: string) => ({ issuer: provider.issuer, subject });

  beforeAll(async () => {
    provider = await startIdentityProvider();
    await provider.register(REDIRECT_URI);
    app = await createTestApp(database.url, { OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: provider.clientId, OIDC_PROVIDER_NAME: 'Cổng định danh' });
    adminAgent = await authorizedAgent(app);
    admin = new ApiClient(adminAgent);
    tree = await foundTree(admin);
    suffix = tree.province.id.slice(0, 8);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await provider?.stop();
  });

  it('tells the admin UI where to send the officer: the provider’s authorization endpoint, its client id and name', async () => {
    const response = await http().get('/api/v1/auth/provider');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      name: 'Cổng định danh',
      issuer: provider.issuer,
      clientId: provider.clientId,
      authorizationEndpoint: `${provider.issuer}/auth`,
      scope: 'openid',
    });
  });

  it('signs a linked identity in as its account, with the account’s grants and no password to change', async () => {
    const subject = `sub-linked-${suffix}`;
    const account = await officer('can-bo-idp');
    const linked = await admin.command(`accounts/${account.id}/identities`, identity(subject));
    expect(linked.state).toMatchObject({ account: { identities: [identity(subject)] } });

    const response = await signIn(subject);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      username: `can-bo-idp-${suffix}`,
      mustChangePassword: false,
      grants: [{ role: 'discipline-officer', organizationId: tree.commune.id }],
    });
    const token = (response.body as { accessToken: string }).accessToken;
    // The account's password was set by an administrator, but no password was given here: nothing is blocked.
    expect((await http().get(`/api/v1/organizations/${tree.commune.id}`).set(bearer(token))).status).toBe(200);
    expect((await http().get(`/api/v1/organizations/${tree.province.id}`).set(bearer(token))).status).toBe(404);

    const recorded = await admin.get('audit/events?eventType=IdentityLinked&order=desc');
    expect(recorded.body.items[0]).toMatchObject({ actor: 'admin', streamId: `account-${account.id}` });
  });

  it('refuses an identity linked to no account (identity-not-linked), and records the refusal', async () => {
    const response = await signIn(`sub-stranger-${suffix}`);
    expect([response.status, response.body.code]).toEqual([403, 'identity-not-linked']);
    expect(response.body.detail).toContain(`${provider.issuer}#sub-stranger-${suffix}`);
    expect(response.body).not.toHaveProperty('accessToken');
    const pool = testPool(database.url, 1);
    try {
      const where = { address: CLIENT_ADDRESS, method: 'POST', route: '/api/v1/auth/provider/login', code: 'identity-not-linked' };
      expect((await recordedDenials(app, pool, where, 1)).refusals).toBeGreaterThanOrEqual(1);
    } finally {
      await pool.end();
    }
  });

  it('keeps an identity to one account (identity-linked-elsewhere) and writes nothing for the second', async () => {
    const subject = `sub-once-${suffix}`;
    const first = await officer('can-bo-mot');
    const second = await officer('can-bo-hai');
    await admin.command(`accounts/${first.id}/identities`, identity(subject));
    const refused = await admin.post(`accounts/${second.id}/identities`, identity(subject));
    expect([refused.status, refused.body.code]).toEqual([409, 'identity-linked-elsewhere']);
    expect((await admin.get(`accounts/${second.id}`)).body.version).toBe(second.version);
    expect((await signIn(subject)).body).toMatchObject({ username: `can-bo-mot-${suffix}` });
  });

  it('refuses a code used twice, a wrong verifier and a nonce that is not the one sent', async () => {
    const subject = `sub-careful-${suffix}`;
    await admin.command(`accounts/${(await officer('can-bo-ba')).id}/identities`, identity(subject));
    let replayed: Record<string, string> = {};
    expect((await signIn(subject, (sent) => (replayed = sent))).status).toBe(200);
    const again = await http().post('/api/v1/auth/provider/login').set('X-Forwarded-For', CLIENT_ADDRESS).send(replayed);
    expect([again.status, again.body.code]).toEqual([401, 'provider-refused']);

    const wrongVerifier = await signIn(subject, (sent) => ({ ...sent, codeVerifier: authorizationSecrets().codeVerifier }));
    expect([wrongVerifier.status, wrongVerifier.body.code]).toEqual([401, 'provider-refused']);
    const wrongNonce = await signIn(subject, (sent) => ({ ...sent, nonce: authorizationSecrets().nonce }));
    expect([wrongNonce.status, wrongNonce.body.code]).toEqual([401, 'provider-token-invalid']);
  });

  it('refuses bad input naming the field, before asking the provider', async () => {
    const response = await http()
      .post('/api/v1/auth/provider/login')
      .set('X-Forwarded-For', CLIENT_ADDRESS)
      .send({ code: 'x', codeVerifier: 'short', redirectUri: 'not a url', nonce: 'n' });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toMatch(/codeVerifier/);
    expect(JSON.stringify(response.body)).toMatch(/redirectUri/);
  });

  it('ends the sessions of an identity once unlinked, and refuses it after; a disabled account signs in no more', async () => {
    const subject = `sub-leaving-${suffix}`;
    const account = await officer('can-bo-bon');
    await admin.command(`accounts/${account.id}/identities`, identity(subject));
    const token = ((await signIn(subject)).body as { accessToken: string }).accessToken;
    await adminAgent.delete(`/api/v1/accounts/${account.id}/identities`).send(identity(subject)).expect(200);
    const refused = await http().get(`/api/v1/organizations/${tree.commune.id}`).set(bearer(token));
    expect([refused.status, refused.body.code]).toEqual([401, 'unauthenticated']);
    expect((await signIn(subject)).body.code).toBe('identity-not-linked');

    await admin.command(`accounts/${account.id}/identities`, identity(subject));
    await admin.command(`accounts/${account.id}/disable`, { reason: 'Chuyển công tác' });
    const disabled = await signIn(subject);
    expect([disabled.status, disabled.body.code]).toEqual([403, 'account-disabled']);
  });
});

describe.each(testDatabases())('sign-in through an identity provider, when none is configured, on $name', (database) => {
  let app: NestExpressApplication;

  // The test databases are up and migrated already: a service of its own on one starts within the hook's time.
  beforeAll(async () => {
    app = await createTestApp(database.url);
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers 404 provider-not-configured', async () => {
    const response = await request(app.getHttpServer()).get('/api/v1/auth/provider');
    expect([response.status, response.body.code]).toEqual([404, 'provider-not-configured']);
  });
});
