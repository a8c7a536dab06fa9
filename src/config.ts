import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Every setting Lindung reads from the environment; .env.example documents each one. */
export const ConfigSchema = z.object({
  DATABASE_PATH: z.string().min(1).default('data/lindung.db'),
  PROGRAMME_SETTINGS_PATH: z.string().min(1).default('data/programme.example.json'),
  RATES_PATH: z.string().min(1).default('data/rates.json'),
  TIMEZONE: z.string().min(1).default('Asia/Makassar'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CHAT_JSONL: bool,
});

export type Config = z.infer<typeof ConfigSchema>;

/** Thrown at start with every wrong setting listed. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The only reader of process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      `invalid settings:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`,
    );
  }
  return parsed.data;
}
