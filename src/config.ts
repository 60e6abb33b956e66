import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  baseUrl: string;
  databaseUrl: string;
  /** Where datasets that live in PostgreSQL tables are (ANALYTICS_DATABASE_URL, else a PostgreSQL DATABASE_URL). */
  analyticsDatabaseUrl: string | undefined;
  dataDir: string;
  sessionSecret: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: LogLevel;
  /** True when BASE_URL is https: cookies are then marked Secure. */
  secureCookies: boolean;
  /** The largest file staff can upload on the dataset and geography import pages, in bytes (DATASET_UPLOAD_MB). */
  datasetUploadBytes: number;
  /** What published proportions, crude rates and their limits come from (DISCLOSURE_LIMITS). */
  disclosureLimits: 'exact' | 'rounded';
}

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const THREADS_MESSAGE = 'ANALYTICS_THREADS must be a whole number of threads, 1 or more';
const analyticsThreadsSchema = z.coerce
  .number({ message: THREADS_MESSAGE })
  .int({ message: THREADS_MESSAGE })
  .min(1, { message: THREADS_MESSAGE })
  .optional();

/**
 * The threads DuckDB may use (ANALYTICS_THREADS), or undefined for its own choice, all cores. Read
 * where the analytics store opens (store.ts), as every command and the server open it; loadConfig
 * checks it with the rest at start.
 */
export function analyticsThreads(
  source: Record<string, string | undefined> = process.env,
): number | undefined {
  const value = source.ANALYTICS_THREADS;
  return value === undefined || value === '' ? undefined : analyticsThreadsSchema.parse(value);
}

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  BASE_URL: z.url({ message: 'BASE_URL must be a full address such as http://localhost:3000' }).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .refine((v) => v.startsWith('sqlite:') || v.startsWith('postgres://') || v.startsWith('postgresql://'), {
      message: 'DATABASE_URL must start with sqlite:, postgres:// or postgresql://',
    })
    .optional(),
  ANALYTICS_DATABASE_URL: z
    .string()
    .refine((v) => v.startsWith('postgres://') || v.startsWith('postgresql://'), {
      message: 'ANALYTICS_DATABASE_URL must start with postgres:// or postgresql://',
    })
    .optional(),
  SESSION_SECRET: z.string().min(32, { message: 'SESSION_SECRET must be at least 32 characters' }).optional(),
  SMTP_URL: z
    .string()
    .refine((v) => v.startsWith('smtp://') || v.startsWith('smtps://'), {
      message: 'SMTP_URL must start with smtp:// or smtps://',
    })
    .optional(),
  MAIL_FROM: z.string().min(3).default('Parity <no-reply@parity.invalid>'),
  LOG_LEVEL: z.enum(logLevels).default('info'),
  DATASET_UPLOAD_MB: z.coerce
    .number({ message: 'DATASET_UPLOAD_MB must be a whole number of megabytes' })
    .int({ message: 'DATASET_UPLOAD_MB must be a whole number of megabytes' })
    .min(1, { message: 'DATASET_UPLOAD_MB must be at least 1' })
    .default(1024),
  DISCLOSURE_LIMITS: z
    .enum(['exact', 'rounded'], { message: 'DISCLOSURE_LIMITS must be exact or rounded' })
    .default('exact'),
  ANALYTICS_THREADS: analyticsThreadsSchema,
});

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Parity cannot start because of its configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads the environment once, listing every problem at once. Blank variables count as absent. */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const env = parsed.data;
  if (env.NODE_ENV === 'production' && !env.SESSION_SECRET) {
    throw new ConfigError(['SESSION_SECRET: required in production (at least 32 random characters)']);
  }
  const dataDir = path.resolve(env.DATA_DIR);
  const baseUrl = (env.BASE_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '');
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    baseUrl,
    dataDir,
    databaseUrl: env.DATABASE_URL ?? `sqlite:${path.join(dataDir, 'parity.sqlite')}`,
    analyticsDatabaseUrl:
      env.ANALYTICS_DATABASE_URL ?? (env.DATABASE_URL?.startsWith('postgres') ? env.DATABASE_URL : undefined),
    sessionSecret: env.SESSION_SECRET ?? keptSessionSecret(dataDir),
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    logLevel: env.LOG_LEVEL,
    secureCookies: baseUrl.startsWith('https://'),
    datasetUploadBytes: env.DATASET_UPLOAD_MB * 1024 * 1024,
    disclosureLimits: env.DISCLOSURE_LIMITS,
  };
}

/** Outside production a secret is generated once and kept beside the data, so sessions survive restarts. */
function keptSessionSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
