/**
 * Configuration: one TypeBox schema, read from the environment once, validated and frozen.
 * This is the only file that reads process.env.
 */
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import path from 'node:path';

export const ConfigSchema = Type.Object({
  /** HTTP port */
  port: Type.Integer({ minimum: 0, maximum: 65535 }),
  host: Type.String(),
  /** `postgres://…` for PostgreSQL; otherwise a SQLite file path (or `:memory:`) */
  databaseUrl: Type.String({ minLength: 1 }),
  /** Folder for uploads and the default SQLite file */
  dataDir: Type.String(),
  /** Mark session cookies Secure (on unless GONGKAI_INSECURE_COOKIES=1 for plain-HTTP development) */
  secureCookies: Type.Boolean(),
  /**
   * Proxies whose X-Forwarded-For / X-Forwarded-Proto are believed (addresses or CIDR ranges,
   * comma-separated, e.g. `127.0.0.1`); empty: none — client addresses (rate limits, the audit log)
   * are then the proxy's own
   */
  trustProxy: Type.String(),
  /** Bearer token for GET /metrics from other hosts; empty: /metrics answers only the server itself */
  metricsToken: Type.String(),
  /** Session lifetime in hours */
  sessionHours: Type.Integer({ minimum: 1 }),
  /** A session unused this many minutes is closed */
  sessionIdleMinutes: Type.Integer({ minimum: 1 }),
  /** Login and password-change attempts allowed per client address per minute */
  loginAttemptsPerMinute: Type.Integer({ minimum: 1 }),
  /** Searches (GET /api/v1/search) allowed per client address per minute */
  searchRequestsPerMinute: Type.Integer({ minimum: 1 }),
  /** Largest upload accepted, in bytes */
  maxUploadBytes: Type.Integer({ minimum: 1024 }),
  /** Import the demo data (seed notice, Jiaxing directory) on the first start of an empty database */
  demoData: Type.Boolean(),
  /** SMTP server for e-mail reminders (smtp://user:pass@host:port); e-mail is off without it */
  smtpUrl: Type.Union([Type.String(), Type.Null()]),
  /** Sender address of e-mail reminders */
  mailFrom: Type.String(),
  /** Public address of this installation, for links in reminders */
  publicBaseUrl: Type.String(),
  /** Seconds between runs of the background jobs (reminder scan, deliveries); 0 turns them off */
  jobIntervalSeconds: Type.Integer({ minimum: 0 }),
  logLevel: Type.Union([
    Type.Literal('fatal'), Type.Literal('error'), Type.Literal('warn'),
    Type.Literal('info'), Type.Literal('debug'), Type.Literal('trace'), Type.Literal('silent'),
  ]),
});

export type Config = Static<typeof ConfigSchema>;

/** The database engine a URL selects. Dialect choice happens only here and in db/create-db.ts. */
export function dialectOf(databaseUrl: string): 'postgres' | 'sqlite' {
  return /^postgres(ql)?:\/\//i.test(databaseUrl) ? 'postgres' : 'sqlite';
}

/** Builds the configuration from an environment (process.env by default) plus explicit overrides. */
export function loadConfig(overrides: Partial<Config> = {}, env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const dataDir = overrides.dataDir ?? env.GONGKAI_DATA_DIR ?? path.resolve('data');
  const raw = {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL ?? path.join(dataDir, 'gongkai.sqlite'),
    dataDir,
    secureCookies: env.GONGKAI_INSECURE_COOKIES !== '1',
    trustProxy: env.GONGKAI_TRUST_PROXY ?? '',
    metricsToken: env.GONGKAI_METRICS_TOKEN ?? '',
    sessionHours: Number(env.GONGKAI_SESSION_HOURS ?? 12),
    sessionIdleMinutes: Number(env.GONGKAI_SESSION_IDLE_MINUTES ?? 30),
    loginAttemptsPerMinute: Number(env.GONGKAI_LOGIN_ATTEMPTS_PER_MINUTE ?? 10),
    searchRequestsPerMinute: Number(env.GONGKAI_SEARCH_REQUESTS_PER_MINUTE ?? 600),
    maxUploadBytes: Number(env.GONGKAI_MAX_UPLOAD_BYTES ?? 20 * 1024 * 1024),
    demoData: env.GONGKAI_DEMO_DATA !== '0',
    smtpUrl: env.GONGKAI_SMTP_URL || null,
    mailFrom: env.GONGKAI_MAIL_FROM ?? 'Gongkai <noreply@localhost>',
    publicBaseUrl: (env.GONGKAI_PUBLIC_URL ?? `http://localhost:${env.PORT ?? 3000}`).replace(/\/$/, ''),
    jobIntervalSeconds: Number(env.GONGKAI_JOB_INTERVAL_SECONDS ?? 60),
    logLevel: env.LOG_LEVEL ?? 'info',
    ...overrides,
  };
  if (!Value.Check(ConfigSchema, raw)) {
    const errors = [...Value.Errors(ConfigSchema, raw)].map((e) => `${e.instancePath || '/'} ${e.message}`);
    throw new Error(`Invalid configuration: ${errors.join('; ')}`);
  }
  return Object.freeze(raw);
}
