import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig, migrationTarget } from './app-config.js';

/** Files holding the keys that instances sharing one database are given. */
function keyFiles(): Record<string, string> {
  const folder = mkdtempSync(join(tmpdir(), 'disciplina-config-'));
  const file = (name: string, content: string) => {
    writeFileSync(join(folder, name), content);
    return join(folder, name);
  };
  return {
    JWT_SECRET_FILE: file('jwt-secret', 'a-secret-of-at-least-32-characters-in-a-file\n'),
    AUDIT_SIGNING_KEY_FILE: file('audit-signing-key.pem', 'PEM'),
    PERSONAL_DATA_KEY_FILE: file('personal-data-key', 'KEY'),
  };
}

describe('configuration', () => {
  it('defaults to the embedded database on port 3000 with data in ./data', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      databaseUrl: undefined,
      dataDir: './data',
      logLevel: 'info',
      bodyLimitBytes: 1_048_576,
      auditSigningKeyFile: 'data/audit-signing-key.pem',
      auditWitnessDir: 'data/audit-witness',
      auditCheckpointIntervalSeconds: 3600,
      personalDataKeyFile: 'data/personal-data-key',
      createsMissingKeys: true,
      adminPassword: undefined,
      jwtSecret: undefined,
      jwtSecretFile: 'data/jwt-secret',
      tokenTtlSeconds: 3600,
      externalIssuer: undefined,
      rateLimitPerMinute: 600,
      loginAttemptsPerMinute: 10,
      unauthenticatedRequestsPerMinute: 60,
      trustProxy: false,
      corsOrigins: [],
      timeZone: 'Asia/Ho_Chi_Minh',
      databaseTimeouts: { connectMs: 5000, statementMs: 30_000, idleInTransactionMs: 60_000, readyProbeMs: 1500 },
      migrationDatabaseUrl: undefined,
      natsUrl: undefined,
      kurrentdbUrl: undefined,
      passwordMinLength: 12,
      accountCacheSeconds: 2,
      idempotencyTtlHours: 24,
    });
  });

  it('takes the broker and the KurrentDB server to publish the public events to', () => {
    const config = loadConfig({ NATS_URL: 'nats://127.0.0.1:4222', KURRENTDB_URL: 'kurrentdb://127.0.0.1:2113?tls=false' });
    expect(config.natsUrl).toBe('nats://127.0.0.1:4222');
    expect(config.kurrentdbUrl).toBe('kurrentdb://127.0.0.1:2113?tls=false');
  });

  it.each([
    ['PORT', { PORT: 'eighty' }],
    ['PORT', { PORT: '70000' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://localhost/db' }],
    ['DATABASE_URL', { DATABASE_URL: 'not a url' }],
    ['MIGRATION_DATABASE_URL', { MIGRATION_DATABASE_URL: 'postgres://owner@db/disciplina' }],
    ['MIGRATION_DATABASE_URL', { DATABASE_URL: 'postgres://app@db/disciplina', MIGRATION_DATABASE_URL: 'http://owner@db' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }],
    ['BODY_LIMIT_BYTES', { BODY_LIMIT_BYTES: '1.5' }],
    ['AUDIT_CHECKPOINT_INTERVAL_SECONDS', { AUDIT_CHECKPOINT_INTERVAL_SECONDS: 'hourly' }],
    ['ADMIN_PASSWORD', { ADMIN_PASSWORD: 'short' }],
    ['RATE_LIMIT_PER_MINUTE', { RATE_LIMIT_PER_MINUTE: '0' }],
    ['UNAUTHENTICATED_REQUESTS_PER_MINUTE', { UNAUTHENTICATED_REQUESTS_PER_MINUTE: '0' }],
    ['TRUST_PROXY', { TRUST_PROXY: 'true' }],
    ['TRUST_PROXY', { TRUST_PROXY: '0' }],
    ['TRUST_PROXY', { TRUST_PROXY: '10.0.0.0/33' }],
    ['TRUST_PROXY', { TRUST_PROXY: '10.0.0.1, proxy.example.org' }],
    ['CORS_ORIGINS', { CORS_ORIGINS: 'https://admin.example.org/path' }],
    ['CORS_ORIGINS', { CORS_ORIGINS: 'not an origin' }],
    ['DB_CONNECT_TIMEOUT_MS', { DB_CONNECT_TIMEOUT_MS: '0' }],
    ['DB_STATEMENT_TIMEOUT_MS', { DB_STATEMENT_TIMEOUT_MS: '-1' }],
    ['DB_IDLE_IN_TRANSACTION_TIMEOUT_MS', { DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '1m' }],
    ['DB_READY_TIMEOUT_MS', { DB_READY_TIMEOUT_MS: '120000' }],
    ['JWT_SECRET', { JWT_SECRET: 'not-32-characters' }],
    ['TIME_ZONE', { TIME_ZONE: 'Asia/Saigon City' }],
    ['TIME_ZONE', { TIME_ZONE: 'ICT' }],
    ['PERSONAL_DATA_KEY_FILE', { AUDIT_SIGNING_KEY_FILE: 'keys/one', PERSONAL_DATA_KEY_FILE: 'keys/one' }],
    ['OIDC_ISSUER', { OIDC_JWKS_URL: 'https://idp.example/jwks', OIDC_AUDIENCE: 'disciplina' }],
    ['OIDC_ISSUER', { OIDC_ISSUER: 'https://idp.example' }],
    ['OIDC_ISSUER', { OIDC_CLIENT_ID: 'disciplina' }],
    ['OIDC_ISSUER', { OIDC_ISSUER: 'http://idp.example', OIDC_CLIENT_ID: 'disciplina' }],
    ['OIDC_AUDIENCE', { OIDC_ISSUER: 'https://idp.example', OIDC_JWKS_URL: 'https://idp.example/jwks', OIDC_CLIENT_ID: 'disciplina' }],
    ['NATS_URL', { NATS_URL: 'http://127.0.0.1:4222' }],
    ['NATS_URL', { NATS_URL: '127.0.0.1:4222' }],
    ['KURRENTDB_URL', { KURRENTDB_URL: 'postgres://127.0.0.1:2113' }],
    ['OIDC_JWKS_URL', { OIDC_JWKS_URL: 'not a url', OIDC_ISSUER: 'https://idp.example', OIDC_AUDIENCE: 'disciplina' }],
  ])('refuses a bad %s and names it', (variable, env) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid configuration: ${variable} `));
  });

  it('signs in through the identity provider with OIDC_ISSUER and OIDC_CLIENT_ID, named by its host unless OIDC_PROVIDER_NAME says', () => {
    expect(loadConfig({}).providerSignIn).toBeUndefined();
    expect(loadConfig({ OIDC_ISSUER: 'https://id.ubkt.example.vn/realms/ubkt', OIDC_CLIENT_ID: 'disciplina' }).providerSignIn).toEqual({
      issuer: 'https://id.ubkt.example.vn/realms/ubkt',
      clientId: 'disciplina',
      clientSecret: undefined,
      name: 'id.ubkt.example.vn',
    });
    const local = { OIDC_ISSUER: 'http://127.0.0.1:9000', OIDC_CLIENT_ID: 'disciplina', OIDC_CLIENT_SECRET: 's3cret', OIDC_PROVIDER_NAME: 'VNeID' };
    expect(loadConfig(local).providerSignIn).toMatchObject({ clientSecret: 's3cret', name: 'VNeID' });
  });

  it('trusts no proxy by default, or a hop count, or the proxies named by address, subnet or range name', () => {
    expect(loadConfig({ TRUST_PROXY: '' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.7,fd00::/8, loopback' }).trustProxy).toEqual(['10.0.0.0/8', '192.168.1.7', 'fd00::/8', 'loopback']);
  });

  it('reads the database timeouts; 0 turns the statement and idle-in-transaction ones off', () => {
    expect(
      loadConfig({ DB_CONNECT_TIMEOUT_MS: '2000', DB_STATEMENT_TIMEOUT_MS: '0', DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '0', DB_READY_TIMEOUT_MS: '800' })
        .databaseTimeouts,
    ).toEqual({ connectMs: 2000, statementMs: 0, idleInTransactionMs: 0, readyProbeMs: 800 });
  });

  it('accepts a PostgreSQL URL with the shared keys given as files, and makes no key of its own', () => {
    const files = keyFiles();
    const config = loadConfig({ DATABASE_URL: 'postgres://app@db:5432/disciplina', ...files });
    expect(config).toMatchObject({
      databaseUrl: 'postgres://app@db:5432/disciplina',
      jwtSecret: 'a-secret-of-at-least-32-characters-in-a-file',
      auditSigningKeyFile: files.AUDIT_SIGNING_KEY_FILE,
      personalDataKeyFile: files.PERSONAL_DATA_KEY_FILE,
      createsMissingKeys: false,
    });
  });

  it('refuses to start on DATABASE_URL without the shared keys, naming each missing one', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://app@db/disciplina' })).toThrow(
      /^Invalid configuration: JWT_SECRET_FILE \(or JWT_SECRET\), AUDIT_SIGNING_KEY_FILE, PERSONAL_DATA_KEY_FILE must be set with DATABASE_URL: .*keys generate/,
    );
    const { PERSONAL_DATA_KEY_FILE: _, ...twoOfThree } = keyFiles();
    expect(() => loadConfig({ DATABASE_URL: 'postgres://app@db/disciplina', ...twoOfThree })).toThrow(
      /^Invalid configuration: PERSONAL_DATA_KEY_FILE must be set/,
    );
  });

  it('refuses a key file that does not exist rather than making one', () => {
    const files = { ...keyFiles(), AUDIT_SIGNING_KEY_FILE: '/nonexistent/audit-signing-key.pem' };
    expect(() => loadConfig({ DATABASE_URL: 'postgres://app@db/disciplina', ...files })).toThrow(
      'Invalid configuration: AUDIT_SIGNING_KEY_FILE names a file that does not exist (/nonexistent/audit-signing-key.pem)',
    );
  });

  it('takes JWT_SECRET from the environment as well, but not together with JWT_SECRET_FILE', () => {
    const { JWT_SECRET_FILE, ...files } = keyFiles();
    const secret = 'x'.repeat(32);
    expect(loadConfig({ DATABASE_URL: 'postgres://app@db/disciplina', JWT_SECRET: secret, ...files }).jwtSecret).toBe(secret);
    expect(() => loadConfig({ JWT_SECRET: secret, JWT_SECRET_FILE })).toThrow('Invalid configuration: JWT_SECRET_FILE cannot be set together with JWT_SECRET');
  });

  it('reads the admin password from ADMIN_PASSWORD_FILE, without its final line break', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'disciplina-config-')), 'admin-password');
    writeFileSync(file, 'a-long-admin-password\n');
    expect(loadConfig({ ADMIN_PASSWORD_FILE: file }).adminPassword).toBe('a-long-admin-password');
    writeFileSync(file, 'short\n');
    expect(() => loadConfig({ ADMIN_PASSWORD_FILE: file })).toThrow('Invalid configuration: ADMIN_PASSWORD_FILE must be at least 12 characters long');
    expect(() => loadConfig({ ADMIN_PASSWORD_FILE: `${file}.missing` })).toThrow(
      /^Invalid configuration: ADMIN_PASSWORD_FILE names a file that cannot be read \(ENOENT/,
    );
  });

  it('migrates as the owner when MIGRATION_DATABASE_URL is set, else as DATABASE_URL, and needs one of them', () => {
    expect(migrationTarget({ DATABASE_URL: 'postgres://app@db/d', MIGRATION_DATABASE_URL: 'postgres://owner@db/d' })).toBe('postgres://owner@db/d');
    expect(migrationTarget({ DATABASE_URL: 'postgres://app@db/d' })).toBe('postgres://app@db/d');
    expect(() => migrationTarget({})).toThrow(/^Invalid configuration: MIGRATION_DATABASE_URL or DATABASE_URL must be set/);
  });
});
