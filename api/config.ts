import { z } from 'zod';
import { KeyringError, parseKeyring } from '../store/index.js';
import { DEFAULT_RATE_LIMITS, type RateLimits } from './rate-limit.js';

const port = z.coerce.number().int('PORT must be a whole number').min(0).max(65535, 'PORT must be 0-65535');

// A rate limit: requests per minute, 0 to turn the limit off.
const perMinute = z.coerce.number().int('rate limits must be whole numbers').min(0, 'rate limits must be 0 (off) or more').max(1_000_000);

const schema = z.object({
  PORT: port.default(3000),
  DATA_DIR: z.string().min(1).default('./data'),
  PUBLIC_URL: z
    .url({ message: 'PUBLIC_URL must be an absolute URL such as https://assistant.example.gov.uk' })
    .refine((u) => /^https?:\/\//.test(u), 'PUBLIC_URL must start with http:// or https://')
    .optional(),
  DATABASE_URL: z
    .string()
    .refine((u) => /^postgres(ql)?:\/\//.test(u), 'DATABASE_URL must be a postgres:// or postgresql:// connection string')
    .optional(),
  REDIS_URL: z
    .string()
    .refine((u) => /^rediss?:\/\//.test(u), 'REDIS_URL must be a redis:// or rediss:// URL')
    .optional(),
  JOBS_QUEUE_NAME: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'JOBS_QUEUE_NAME must be 1-64 letters, digits, ".", "_" or "-"')
    .default('council-assistant'),
  CONTENT_DIR: z.string().min(1).default('./content'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ALLOWED_ORIGINS: z.string().default('*'),
  TRUST_PROXY: z.string().default('loopback'),
  NODE_ENV: z.string().optional(),
  // Keys sealing personal data at rest: id:base64 entries, comma-separated, the first current (store/crypto.ts).
  DATA_KEYS: z.string().optional(),
  // Bearer token for /metrics; in production without one, /metrics is not served at all.
  METRICS_TOKEN: z.string().regex(/^[A-Za-z0-9._~+/=-]{16,200}$/, 'METRICS_TOKEN must be 16-200 letters, digits or ._~+/=- (e.g. openssl rand -hex 32)').optional(),
  RATE_LIMIT_SIGN_IN_PER_MINUTE: perMinute.default(DEFAULT_RATE_LIMITS.signInPerAccount),
  RATE_LIMIT_SIGN_IN_PER_IP_PER_MINUTE: perMinute.default(DEFAULT_RATE_LIMITS.signInPerIp),
  RATE_LIMIT_CONVERSATIONS_PER_MINUTE: perMinute.default(DEFAULT_RATE_LIMITS.conversationsPerIp),
  RATE_LIMIT_MESSAGES_PER_MINUTE: perMinute.default(DEFAULT_RATE_LIMITS.messagesPerConversation),
  RATE_LIMIT_MESSAGES_PER_IP_PER_MINUTE: perMinute.default(DEFAULT_RATE_LIMITS.messagesPerIp),
});

export interface Config {
  port: number;
  dataDir: string;
  publicUrl?: string;
  databaseUrl?: string;
  redisUrl?: string;
  /** The job queue's name (BullMQ queue or rows of the jobs table): deployments sharing a Redis set their own. */
  jobsQueueName: string;
  contentDir: string;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  allowedOrigins: string[] | '*';
  trustProxy: string;
  /** NODE_ENV is "production". */
  production: boolean;
  /** /metrics answers only with `Authorization: Bearer <token>`; unset in production: /metrics is 404. */
  metricsToken?: string;
  rateLimits: RateLimits;
  /**
   * DATA_KEYS as given (validated). Unset: the embedded default keeps a generated key in DATA_DIR;
   * production refuses to start.
   */
  dataKeys?: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads configuration from the environment; every bad value is reported, not just the first. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty variables count as unset, as in most deployment tools.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message} (got "${present[String(i.path[0])] ?? ''}")`));
  }
  const c = parsed.data;
  const production = c.NODE_ENV === 'production';
  if (c.DATA_KEYS) {
    try {
      parseKeyring(c.DATA_KEYS);
    } catch (err) {
      if (err instanceof KeyringError) throw new ConfigError([err.message]);
      throw err;
    }
  } else if (production) {
    throw new ConfigError([
      'DATA_KEYS: required in production (personal data is encrypted at rest): set it to id:key, e.g. k1:$(openssl rand -base64 32), and keep it safe; without it the data cannot be read',
    ]);
  }
  return {
    port: c.PORT,
    dataDir: c.DATA_DIR,
    publicUrl: c.PUBLIC_URL?.replace(/\/$/, ''),
    databaseUrl: c.DATABASE_URL,
    redisUrl: c.REDIS_URL,
    jobsQueueName: c.JOBS_QUEUE_NAME,
    contentDir: c.CONTENT_DIR,
    logLevel: c.LOG_LEVEL,
    allowedOrigins: c.ALLOWED_ORIGINS === '*' ? '*' : c.ALLOWED_ORIGINS.split(',').map((s) => s.trim()),
    trustProxy: c.TRUST_PROXY,
    production,
    dataKeys: c.DATA_KEYS,
    metricsToken: c.METRICS_TOKEN,
    rateLimits: {
      signInPerAccount: c.RATE_LIMIT_SIGN_IN_PER_MINUTE,
      signInPerIp: c.RATE_LIMIT_SIGN_IN_PER_IP_PER_MINUTE,
      conversationsPerIp: c.RATE_LIMIT_CONVERSATIONS_PER_MINUTE,
      messagesPerConversation: c.RATE_LIMIT_MESSAGES_PER_MINUTE,
      messagesPerIp: c.RATE_LIMIT_MESSAGES_PER_IP_PER_MINUTE,
    },
  };
}
