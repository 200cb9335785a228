// A real OpenID provider (oidc-provider) for the sign-in tests, in a process of its own: its development
// login page takes any login as the subject. Prints its issuer once it listens; clients register themselves
// (RFC 7591) with the client id given as the first argument.
import { createServer } from 'node:http';
import process from 'node:process';
import Provider from 'oidc-provider';

const clientId = process.argv[2] ?? 'disciplina-test';
const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  features: {
    devInteractions: { enabled: true },
    registration: { enabled: true, idFactory: () => clientId },
  },
  // A first-party client: the officer signs in, with no consent screen.
  async loadExistingGrant(ctx) {
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid');
    await grant.save();
    return grant;
  },
  async findAccount(ctx, subject) {
    return { accountId: subject, claims: async () => ({ sub: subject }) };
  },
  cookies: { keys: ['identity-provider-of-the-tests'] },
});
server.on('request', provider.callback());
process.stdout.write(`${issuer}\n`);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
