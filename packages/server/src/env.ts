// Validated configuration. A bad value stops start-up with a message naming the variable.
import path from 'node:path';
import { z } from 'zod';

const bool01 = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

export const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  BENPAO_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL (leave unset for the embedded SQLite database)')
    .optional(),
  BENPAO_DEMO: bool01.default(true),
  /** Name of the region created in an empty database when the demo is off. */
  BENPAO_REGION_NAME: z.string().trim().min(1).max(100).default('本行政区'),
  BENPAO_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BENPAO_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  BENPAO_SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  BENPAO_LOCKOUT_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
  BENPAO_LOCKOUT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  BENPAO_TRUST_PROXY: bool01.default(false),
  /** Extra origins allowed to send writes (comma-separated), besides the server's own. */
  BENPAO_ALLOWED_ORIGINS: z.string().default(''),
  BENPAO_WEB_DIST: z.string().optional(),
});

export type Env = z.infer<typeof envSchema> & { dataDir: string; webDist: string };

export class EnvError extends Error {}

export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const picked = Object.fromEntries(
    Object.keys(envSchema.shape).map((k) => [k, source[k] === '' ? undefined : source[k]]),
  );
  const parsed = envSchema.safeParse(picked);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new EnvError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const here = path.dirname(new URL(import.meta.url).pathname);
  return {
    ...parsed.data,
    dataDir: path.resolve(parsed.data.BENPAO_DATA_DIR),
    webDist: path.resolve(parsed.data.BENPAO_WEB_DIST ?? path.join(here, '../../web/dist')),
  };
}
