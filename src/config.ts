import { isIP } from 'node:net';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** An IPv4/IPv6 address, or one with a prefix length (10.0.0.0/8, fd00::/8). */
function isIpOrCidr(entry: string): boolean {
  const [ip, prefix, ...rest] = entry.split('/');
  const family = isIP(ip ?? '');
  if (!family || rest.length) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

/** Every setting Lindung reads from the environment; .env.example documents each one. */
export const ConfigSchema = z.object({
  DATABASE_PATH: z.string().min(1).default('data/lindung.db'),
  /** FULL: every commit on the disk before anyone is told (survives a power cut); NORMAL: survives a process crash only. */
  SQLITE_SYNCHRONOUS: z.enum(['FULL', 'NORMAL']).default('FULL'),
  /**
   * A PostgreSQL database instead of the SQLite file (postgres://user:pass@host:5432/db): several
   * processes, on several machines, share it. Unset: SQLite at DATABASE_PATH.
   */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'expected a postgres:// or postgresql:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Connections each process may hold to PostgreSQL at once. */
  PG_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** A PostgreSQL statement that runs longer is cancelled (ms; 0: never). */
  PG_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(15_000),
  /** Waiting longer than this for a PostgreSQL connection is an error (ms). */
  PG_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /**
   * This process's name among those sharing one database (outbox claims, send leases): unique per
   * process, the same after a restart (what it had claimed is then its own again at once).
   * Default: the host name and the console port.
   */
  INSTANCE_ID: z.string().min(1).max(200).optional(),
  /** The keys that encrypt personal data at rest, as the key file's JSON (from a secret store); else the key file. */
  LINDUNG_KEYS: z.string().optional(),
  /** Where the key file is (default: `lindung.key` beside the database), created 0600 on first start. */
  LINDUNG_KEY_FILE: z.string().min(1).optional(),
  /** Where scheduled backups go (default: `backups` beside the database); never the key file. */
  BACKUP_DIR: z.string().min(1).optional(),
  /** Hours between backups while the bot runs; 0: none (at most a week). */
  BACKUP_INTERVAL_HOURS: z.coerce.number().min(0).max(168).default(24),
  /** How many scheduled backups are kept; the oldest go first. */
  BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(7),
  /** The regencies served: one settings file each, separated by commas (the first is the default regency). */
  PROGRAMME_SETTINGS_PATH: z.string().min(1).default('data/programme.example.json'),
  /** The regency (its code, e.g. 63.03) this deployment's WhatsApp number is for: its people are not asked where they live. */
  WHATSAPP_REGENCY: z.string().min(1).optional(),
  /** The regency a Telegram bot of one regency is for; a bot for several routes by its links (t.me/<bot>?start=kab_63_03) or asks. */
  TELEGRAM_REGENCY: z.string().min(1).optional(),
  RATES_PATH: z.string().min(1).default('data/rates.json'),
  TIMEZONE: z.string().min(1).default('Asia/Makassar'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CHAT_JSONL: bool,
  TELEGRAM_BOT_TOKEN: z.string().min(1).optional(),
  TELEGRAM_API_ROOT: z.url().default('https://api.telegram.org'),
  TELEGRAM_WEBHOOK_URL: z.url().optional(),
  TELEGRAM_WEBHOOK_SECRET: z.string().regex(/^[A-Za-z0-9_-]{1,256}$/).optional(),
  TELEGRAM_WEBHOOK_PORT: z.coerce.number().int().min(1).max(65535).default(8443),
  /** Where the webhook receiver listens: loopback unless told otherwise (a TLS proxy in front forwards to it). */
  TELEGRAM_WEBHOOK_HOST: z.string().default('127.0.0.1'),
  TELEGRAM_BOT_USERNAME: z.string().min(1).optional(),
  /** Messages per chat: a token bucket (Telegram asks for about one a second in a chat). */
  TELEGRAM_CHAT_PER_SECOND: z.coerce.number().positive().default(1),
  TELEGRAM_CHAT_BURST: z.coerce.number().int().positive().default(3),
  /** Notifications and bulk sends over all chats, per second (replies are not held to it). */
  TELEGRAM_BULK_PER_SECOND: z.coerce.number().positive().default(25),
  /** Every message over all chats, replies included, per second (a smooth bucket); 0: no overall limit. */
  TELEGRAM_GLOBAL_PER_SECOND: z.coerce.number().nonnegative().default(30),
  CONSOLE_ENABLED: z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .default('true')
    .transform((v) => v === 'true' || v === '1' || v === 'yes'),
  CONSOLE_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  CONSOLE_HOST: z.string().min(1).default('127.0.0.1'),
  /**
   * Reverse proxies (IPs or CIDR ranges, comma-separated) whose X-Forwarded-For the console believes
   * for the client's address (login throttling); none by default, so nobody can choose their own.
   */
  CONSOLE_TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .refine((list) => list.every(isIpOrCidr), 'expected IP addresses or CIDR ranges, comma-separated (e.g. 127.0.0.1,10.0.0.0/8)'),
  /**
   * The bearer token the console's /metrics and /readyz require (Authorization: Bearer ...); unset:
   * they answer requests from this machine only (/healthz is always open).
   */
  METRICS_TOKEN: z.string().regex(/^\S{16,256}$/, 'expected 16 to 256 characters without spaces (e.g. openssl rand -hex 32)').optional(),
  /** auto: the terminal chat runs when no messaging channel is configured and stdin is a terminal. */
  TERMINAL_CHAT: z.enum(['auto', 'on', 'off']).default('auto'),
  WHATSAPP_ENABLED: bool,
  WHATSAPP_PAIRING_NUMBER: z.string().regex(/^\+?\d{8,15}$/).optional(),
  WHATSAPP_MAX_MESSAGE_AGE_SECONDS: z.coerce.number().int().positive().default(3600),
  WHATSAPP_RATE_PER_MINUTE: z.coerce.number().int().positive().default(30),
  WHATSAPP_CHAT_GAP_MS: z.coerce.number().int().nonnegative().default(1000),
  WHATSAPP_JITTER_MS: z.coerce.number().int().nonnegative().default(500),
  /** At most this many messages a day to people who never wrote (news of their own registration). */
  WHATSAPP_FIRST_CONTACTS_PER_DAY: z.coerce.number().int().nonnegative().default(50),
  /** The browser WhatsApp shows under Linked devices: a standard one (custom names break pairing codes). */
  WHATSAPP_BROWSER: z.enum(['macos', 'ubuntu', 'windows']).default('macos'),
  /** The channel that tells a cadre's neighbour (who gave only a phone number) about their registration. */
  PHONE_CHANNEL: z.enum(['whatsapp', 'none']).default('whatsapp'),
  /** How long an officer's decision in the console can be undone: its news to the person waits that long; 0: sent at once, no undo. */
  DECISION_UNDO_SECONDS: z.coerce.number().int().min(0).max(600).default(30),
})
  // Without a secret anyone who reaches the webhook could post updates in a victim's name.
  .refine((c) => !c.TELEGRAM_WEBHOOK_URL || c.TELEGRAM_WEBHOOK_SECRET !== undefined, {
    path: ['TELEGRAM_WEBHOOK_SECRET'],
    message: 'required with TELEGRAM_WEBHOOK_URL (a random string of letters, digits, _ and -; Telegram sends it with every update)',
  });

export type Config = z.infer<typeof ConfigSchema>;

/** Thrown at start with every wrong setting listed. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The only reader of process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (TELEGRAM_BOT_TOKEN= in a .env copy) means "not set".
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = ConfigSchema.safeParse(given);
  if (!parsed.success) {
    throw new ConfigError(
      `invalid settings:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`,
    );
  }
  return parsed.data;
}

/**
 * For `npm run doctor`: every wrong setting (one line each), and the config the right ones give,
 * with each wrong one at its default so the other checks can still run.
 */
export function checkConfig(env: NodeJS.ProcessEnv = process.env): { config: Config; problems: string[] } {
  const given: Record<string, string | undefined> = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = ConfigSchema.safeParse(given);
  if (parsed.success) return { config: parsed.data, problems: [] };
  const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  for (const issue of parsed.error.issues) delete given[String(issue.path[0])];
  // A webhook URL without its (wrong) secret would fail again: both go.
  if (given.TELEGRAM_WEBHOOK_SECRET === undefined) delete given.TELEGRAM_WEBHOOK_URL;
  const rest = ConfigSchema.safeParse(given);
  return { config: rest.success ? rest.data : ConfigSchema.parse({}), problems };
}
