import { ConfigError, loadConfig } from './app-config.js';

describe('configuration', () => {
  it('defaults to the embedded database on port 3000 with data in ./data', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      databaseUrl: undefined,
      dataDir: './data',
      logLevel: 'info',
      bodyLimitBytes: 1_048_576,
      auditSigningKeyFile: 'data/audit-signing-key.pem',
      personalDataKeyFile: 'data/personal-data-key',
      adminPassword: undefined,
      jwtSecret: undefined,
      jwtSecretFile: 'data/jwt-secret',
      tokenTtlSeconds: 3600,
      externalIssuer: undefined,
      rateLimitPerMinute: 600,
      loginAttemptsPerMinute: 10,
      corsOrigins: [],
      timeZone: 'Asia/Ho_Chi_Minh',
      databaseTimeouts: { connectMs: 5000, statementMs: 30_000, idleInTransactionMs: 60_000, readyProbeMs: 1500 },
    });
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
    ['ADMIN_PASSWORD', { ADMIN_PASSWORD: 'short' }],
    ['RATE_LIMIT_PER_MINUTE', { RATE_LIMIT_PER_MINUTE: '0' }],
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
    ['OIDC_JWKS_URL', { OIDC_JWKS_URL: 'not a url', OIDC_ISSUER: 'https://idp.example', OIDC_AUDIENCE: 'disciplina' }],
  ])('refuses a bad %s and names it', (variable, env) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid configuration: ${variable} `));
  });

  it('reads the database timeouts; 0 turns the statement and idle-in-transaction ones off', () => {
    expect(
      loadConfig({ DB_CONNECT_TIMEOUT_MS: '2000', DB_STATEMENT_TIMEOUT_MS: '0', DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '0', DB_READY_TIMEOUT_MS: '800' }).databaseTimeouts,
    ).toEqual({ connectMs: 2000, statementMs: 0, idleInTransactionMs: 0, readyProbeMs: 800 });
  });

  it('accepts a PostgreSQL URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://app@db:5432/disciplina' }).databaseUrl).toBe(
      'postgres://app@db:5432/disciplina',
    );
  });
});
