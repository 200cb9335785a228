import { existsSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { KEY_FILE_NAMES } from './key-file.js';

/**
 * The service's configuration, read once from the environment and validated before anything starts.
 * An abstract class so that it doubles as the injection token.
 */
export abstract class AppConfig {
  abstract readonly port: number;
  /** PostgreSQL to use; without it the service runs an embedded database persisted in `dataDir`. */
  abstract readonly databaseUrl: string | undefined;
  /** The schema's owner, who runs migrations and rebuilds; DATABASE_URL when unset. */
  abstract readonly migrationDatabaseUrl: string | undefined;
  abstract readonly dataDir: string;
  abstract readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Largest accepted JSON body, in bytes. */
  abstract readonly bodyLimitBytes: number;
  /** PKCS#8 PEM Ed25519 key that signs audit checkpoints. */
  abstract readonly auditSigningKeyFile: string;
  /** The folder the service appends every signed checkpoint to, outside the database (its witness). */
  abstract readonly auditWitnessDir: string;
  /** Seconds between the checkpoints the service signs by itself; 0: only when asked. */
  abstract readonly auditCheckpointIntervalSeconds: number;
  /** The master key (32 bytes, base64) that seals every data subject's key. */
  abstract readonly personalDataKeyFile: string;
  /** Only the embedded default makes its missing keys (in DATA_DIR); instances sharing DATABASE_URL are given theirs. */
  abstract readonly createsMissingKeys: boolean;
  /** Password of the first `admin` account; generated and printed once when unset. */
  abstract readonly adminPassword: string | undefined;
  /** Secret that signs the tokens issued at login (JWT_SECRET or JWT_SECRET_FILE); else kept in `jwtSecretFile`. */
  abstract readonly jwtSecretFile: string;
  abstract readonly jwtSecret: string | undefined;
  abstract readonly tokenTtlSeconds: number;
  /** Requests per caller per minute (by account once authenticated); login attempts per address per minute. */
  abstract readonly rateLimitPerMinute: number;
  abstract readonly loginAttemptsPerMinute: number;
  /** Requests without a valid token per client address per minute. */
  abstract readonly unauthenticatedRequestsPerMinute: number;
  /** Express' `trust proxy`: the proxies whose X-Forwarded-For gives the client's address; false: none. */
  abstract readonly trustProxy: TrustProxy;
  /** Origins allowed to call the API from a browser; none: same origin only. */
  abstract readonly corsOrigins: readonly string[];
  /** The IANA time zone whose calendar days are the service's: "today" for every rule, alert and work list. */
  abstract readonly timeZone: string;
  /** An organization's identity provider whose tokens are accepted too. */
  abstract readonly externalIssuer: { readonly jwksUrl: string; readonly issuer: string; readonly audience: string } | undefined;
  /** The identity provider the admin UI signs in through (its ID tokens name an identity linked to an account); none: passwords only. */
  abstract readonly providerSignIn:
    { readonly issuer: string; readonly clientId: string; readonly clientSecret: string | undefined; readonly name: string } | undefined;
  abstract readonly databaseTimeouts: DatabaseTimeouts;
  /** NATS with JetStream to publish the public events to; none: no broker. */
  abstract readonly natsUrl: string | undefined;
  /** KurrentDB to append the public events to; none: not there. */
  abstract readonly kurrentdbUrl: string | undefined;
  /** Shortest password an account may be given. */
  abstract readonly passwordMinLength: number;
  /** How long an account's status and grants are kept between requests: the most a change waits to take effect. */
  abstract readonly accountCacheSeconds: number;
  /** How long an Idempotency-Key's answer is kept. */
  abstract readonly idempotencyTtlHours: number;
}

/** A number of proxy hops in front of the service, or the addresses and subnets of the proxies trusted; false: none. */
export type TrustProxy = false | number | readonly string[];

/** In milliseconds; a statement or idle-in-transaction timeout of 0 is none. */
export interface DatabaseTimeouts {
  /** Opening a connection, or waiting for one from a full pool. */
  readonly connectMs: number;
  readonly statementMs: number;
  /** A session left inside a transaction this long is ended by the server, which releases its locks. */
  readonly idleInTransactionMs: number;
  /** The readiness probe's whole answer: connection and query. */
  readonly readyProbeMs: number;
}

export const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = { connectMs: 5000, statementMs: 30_000, idleInTransactionMs: 60_000, readyProbeMs: 1500 };

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    rule: string,
  ) {
    super(`Invalid configuration: ${variable} ${rule}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(name, `must be an integer from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

function databaseUrl(env: Env, name = 'DATABASE_URL'): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, 'must be a postgres:// URL');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(name, `must use postgres:// or postgresql:// (got "${url.protocol}")`);
  }
  return raw;
}

/** A secret from `name`, or from the file `name`_FILE names (as container secrets are mounted), without its final line break. */
function optionalSecret(env: Env, name: string, minLength: number): string | undefined {
  const fileName = `${name}_FILE`;
  const file = env[fileName];
  if (env[name] && file) throw new ConfigError(fileName, `cannot be set together with ${name}`);
  let value = env[name];
  let source = name;
  if (file) {
    try {
      value = readFileSync(file, 'utf8').replace(/\r?\n$/, '');
    } catch (error) {
      throw new ConfigError(fileName, `names a file that cannot be read (${(error as NodeJS.ErrnoException).code}: ${file})`);
    }
    source = fileName;
  }
  if (value === undefined || value === '') return undefined;
  if (value.length < minLength) throw new ConfigError(source, `must be at least ${minLength} characters long`);
  return value;
}

type Keys = Pick<AppConfig, 'auditSigningKeyFile' | 'personalDataKeyFile' | 'createsMissingKeys' | 'jwtSecret' | 'jwtSecretFile'>;

/**
 * Instances on one DATABASE_URL must hold the same keys, or a token, a checkpoint or a name sealed by one is
 * refused or unreadable on another. So with DATABASE_URL every key is given; only the embedded database
 * makes its own, in DATA_DIR, on first start.
 */
function keys(env: Env, dataDir: string, shared: boolean): Keys {
  const jwtSecret = optionalSecret(env, 'JWT_SECRET', 32);
  const files = [
    ['AUDIT_SIGNING_KEY_FILE', env.AUDIT_SIGNING_KEY_FILE || join(dataDir, KEY_FILE_NAMES.AUDIT_SIGNING_KEY_FILE)],
    ['PERSONAL_DATA_KEY_FILE', env.PERSONAL_DATA_KEY_FILE || join(dataDir, KEY_FILE_NAMES.PERSONAL_DATA_KEY_FILE)],
  ] as const;
  if (resolve(files[1][1]) === resolve(files[0][1])) throw new ConfigError('PERSONAL_DATA_KEY_FILE', 'must be another file than AUDIT_SIGNING_KEY_FILE');
  if (shared) {
    const missing = [...(jwtSecret ? [] : ['JWT_SECRET_FILE (or JWT_SECRET)']), ...files.filter(([name]) => !env[name]).map(([name]) => name)];
    if (missing.length > 0) {
      throw new ConfigError(
        missing.join(', '),
        `must be set with DATABASE_URL: every instance on one database shares its keys (make them once with "npm run cli -- keys generate --out <folder>")`,
      );
    }
    for (const [name, file] of files) if (!existsSync(file)) throw new ConfigError(name, `names a file that does not exist (${file})`);
  }
  return {
    auditSigningKeyFile: files[0][1],
    personalDataKeyFile: files[1][1],
    createsMissingKeys: !shared,
    jwtSecret,
    jwtSecretFile: join(dataDir, KEY_FILE_NAMES.JWT_SECRET_FILE),
  };
}

function externalIssuer(env: Env): AppConfig['externalIssuer'] {
  const names = ['OIDC_JWKS_URL', 'OIDC_AUDIENCE'] as const;
  const given = names.filter((name) => env[name]);
  if (given.length === 0) return undefined;
  const missing = (['OIDC_ISSUER', ...names] as const).find((name) => !env[name]);
  if (missing) throw new ConfigError(missing, `must be set together with ${given.join(', ')}`);
  try {
    new URL(env.OIDC_JWKS_URL!);
  } catch {
    throw new ConfigError('OIDC_JWKS_URL', 'must be an https:// URL');
  }
  return { jwksUrl: env.OIDC_JWKS_URL!, issuer: env.OIDC_ISSUER!, audience: env.OIDC_AUDIENCE! };
}

/** The admin UI's sign-in through the provider: the authorization code flow with PKCE, this service as its client. */
function providerSignIn(env: Env): AppConfig['providerSignIn'] {
  const issuer = env.OIDC_ISSUER;
  const clientId = env.OIDC_CLIENT_ID;
  if (!clientId) {
    if (issuer && !env.OIDC_JWKS_URL && !env.OIDC_AUDIENCE) {
      throw new ConfigError(
        'OIDC_ISSUER',
        'needs OIDC_CLIENT_ID (sign-in through the provider), or OIDC_JWKS_URL and OIDC_AUDIENCE (its bearer tokens), or both',
      );
    }
    return undefined;
  }
  if (!issuer) throw new ConfigError('OIDC_ISSUER', 'must be set together with OIDC_CLIENT_ID');
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new ConfigError('OIDC_ISSUER', `must be the provider's issuer URL (got "${issuer}")`);
  }
  if (url.protocol !== 'https:' && !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) {
    throw new ConfigError('OIDC_ISSUER', 'must be an https:// URL (http:// only on this machine)');
  }
  return { issuer, clientId, clientSecret: optionalSecret(env, 'OIDC_CLIENT_SECRET', 1), name: env.OIDC_PROVIDER_NAME || url.host };
}

function timeZone(env: Env): string {
  const zone = env.TIME_ZONE || 'Asia/Ho_Chi_Minh';
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone: zone });
  } catch {
    throw new ConfigError('TIME_ZONE', `must be an IANA time zone such as Asia/Ho_Chi_Minh (got "${zone}")`);
  }
  return zone;
}

function databaseTimeouts(env: Env): DatabaseTimeouts {
  const defaults = DEFAULT_DATABASE_TIMEOUTS;
  const day = 86_400_000;
  return {
    connectMs: integer(env, 'DB_CONNECT_TIMEOUT_MS', defaults.connectMs, 100, 600_000),
    statementMs: integer(env, 'DB_STATEMENT_TIMEOUT_MS', defaults.statementMs, 0, day),
    idleInTransactionMs: integer(env, 'DB_IDLE_IN_TRANSACTION_TIMEOUT_MS', defaults.idleInTransactionMs, 0, day),
    readyProbeMs: integer(env, 'DB_READY_TIMEOUT_MS', defaults.readyProbeMs, 100, 60_000),
  };
}

/** A server URL of one of `protocols`, or undefined when unset. */
function serverUrl(env: Env, name: string, protocols: readonly string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || !protocols.includes(url.protocol.slice(0, -1)) || !url.hostname) {
    throw new ConfigError(name, `must be a URL such as ${protocols[0]}://host:port (${protocols.join('://, ')}://; got "${raw}")`);
  }
  return raw;
}

function corsOrigins(env: Env): string[] {
  const origins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of origins) {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      throw new ConfigError('CORS_ORIGINS', `must list origins such as https://admin.example.org (got "${origin}")`);
    }
    if (url.origin !== origin) throw new ConfigError('CORS_ORIGINS', `must list bare origins, without path (got "${origin}")`);
  }
  return origins;
}

/** Express' names for the private ranges, which it expands itself. */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * TRUST_PROXY: unset, no proxy (the client is the socket's peer); a hop count such as 1; or the proxies'
 * addresses and subnets (10.0.0.0/8, ::1, loopback), comma-separated. Only what a trusted proxy forwards
 * counts: anyone else's X-Forwarded-For is ignored.
 */
function trustProxy(env: Env): TrustProxy {
  const raw = (env.TRUST_PROXY ?? '').trim();
  if (raw === '') return false;
  if (/^\d+$/.test(raw)) return integer(env, 'TRUST_PROXY', 0, 1, 10);
  const entries = raw.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    if (PROXY_RANGE_NAMES.includes(entry)) continue;
    const [address = '', prefix, ...rest] = entry.split('/');
    const version = isIP(address);
    const bits = version === 4 ? 32 : 128;
    const prefixValid = prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= bits);
    if (version === 0 || !prefixValid || rest.length > 0) {
      throw new ConfigError(
        'TRUST_PROXY',
        `must be a hop count (1 to 10) or a comma-separated list of addresses, subnets (10.0.0.0/8) or ${PROXY_RANGE_NAMES.join(', ')} (got "${entry}")`,
      );
    }
  }
  return entries;
}

export function loadConfig(env: Env): AppConfig {
  const logLevel = env.LOG_LEVEL ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`);
  }
  const dataDir = env.DATA_DIR || './data';
  const migrationDatabaseUrl = databaseUrl(env, 'MIGRATION_DATABASE_URL');
  if (migrationDatabaseUrl && !env.DATABASE_URL) throw new ConfigError('MIGRATION_DATABASE_URL', 'needs DATABASE_URL (the embedded database has one role)');
  const url = databaseUrl(env);
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    databaseUrl: url,
    migrationDatabaseUrl,
    dataDir,
    logLevel: logLevel as AppConfig['logLevel'],
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 1_048_576, 1024, 64 * 1_048_576),
    ...keys(env, dataDir, url !== undefined),
    auditWitnessDir: env.AUDIT_WITNESS_DIR || join(dataDir, 'audit-witness'),
    auditCheckpointIntervalSeconds: integer(env, 'AUDIT_CHECKPOINT_INTERVAL_SECONDS', 3600, 0, 7 * 86_400),
    adminPassword: optionalSecret(env, 'ADMIN_PASSWORD', 12),
    tokenTtlSeconds: integer(env, 'TOKEN_TTL_SECONDS', 3600, 60, 86_400),
    externalIssuer: externalIssuer(env),
    providerSignIn: providerSignIn(env),
    rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 600, 1, 1_000_000),
    loginAttemptsPerMinute: integer(env, 'LOGIN_ATTEMPTS_PER_MINUTE', 10, 1, 10_000),
    unauthenticatedRequestsPerMinute: integer(env, 'UNAUTHENTICATED_REQUESTS_PER_MINUTE', 60, 1, 1_000_000),
    trustProxy: trustProxy(env),
    corsOrigins: corsOrigins(env),
    timeZone: timeZone(env),
    databaseTimeouts: databaseTimeouts(env),
    natsUrl: serverUrl(env, 'NATS_URL', ['nats', 'tls']),
    kurrentdbUrl: serverUrl(env, 'KURRENTDB_URL', ['kurrentdb', 'kurrentdb+discover', 'esdb', 'esdb+discover']),
    passwordMinLength: integer(env, 'PASSWORD_MIN_LENGTH', 12, 8, 128),
    accountCacheSeconds: integer(env, 'ACCOUNT_CACHE_SECONDS', 2, 0, 60),
    idempotencyTtlHours: integer(env, 'IDEMPOTENCY_TTL_HOURS', 24, 1, 24 * 30),
  };
}

/** Where `migrate` runs: the owner's MIGRATION_DATABASE_URL, else DATABASE_URL. It needs no key. */
export function migrationTarget(env: Env): string {
  const url = databaseUrl(env, 'MIGRATION_DATABASE_URL') ?? databaseUrl(env);
  if (!url) throw new ConfigError('MIGRATION_DATABASE_URL', 'or DATABASE_URL must be set: the embedded database migrates itself as the service starts');
  return url;
}
