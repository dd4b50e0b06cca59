import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as v from 'valibot';
import { validate } from '@koubei/core';

const EnvSchema = v.object({
  PORT: v.optional(
    v.pipe(v.string(), v.regex(/^\d{1,5}$/, 'PORT must be a port number'), v.transform(Number)),
    '8787',
  ),
  HOST: v.optional(v.pipe(v.string(), v.minLength(1)), '127.0.0.1'),
  DATABASE_URL: v.optional(
    v.pipe(v.string(), v.regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL')),
  ),
  KOUBEI_DATA_DIR: v.optional(v.pipe(v.string(), v.minLength(1)), '.koubei-data'),
  /** Base URL the server is reached at, for photo links; defaults to http://HOST:PORT. */
  KOUBEI_PUBLIC_URL: v.optional(v.pipe(v.string(), v.url('KOUBEI_PUBLIC_URL must be a URL'))),
  /** Signs cursors and form tokens; made once and kept in the data directory if not given. */
  KOUBEI_SECRET: v.optional(
    v.pipe(v.string(), v.minLength(32, 'KOUBEI_SECRET needs at least 32 characters')),
  ),
  /** How long a signed customer token (status, friends) works. */
  KOUBEI_CUSTOMER_TOKEN_DAYS: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,4}$/, 'KOUBEI_CUSTOMER_TOKEN_DAYS must be a whole number of days'),
      v.transform(Number),
      v.minValue(1, 'KOUBEI_CUSTOMER_TOKEN_DAYS must be at least 1'),
    ),
    '30',
  ),
  /** Fewest friends a badge may show; smaller groups would identify people. */
  KOUBEI_FRIENDS_MINIMUM: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,3}$/, 'KOUBEI_FRIENDS_MINIMUM must be a whole number'),
      v.transform(Number),
      v.minValue(2, 'KOUBEI_FRIENDS_MINIMUM must be at least 2: one friend is one person'),
    ),
    '3',
  ),
});

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  /** `null`: the embedded PGlite database in `dataDir`. */
  readonly databaseUrl: string | null;
  readonly dataDir: string;
  readonly photoDir: string;
  readonly publicUrl: string;
  readonly secret: string;
  /** Lifetime of signed customer tokens, in milliseconds. */
  readonly customerTokenTtlMs: number;
  /** Friends counts below this are never sent. */
  readonly friendsMinimumCount: number;
}

export const DEFAULT_CUSTOMER_TOKEN_TTL_MS = 30 * 24 * 3600_000;
export const DEFAULT_FRIENDS_MINIMUM = 3;

function persistentSecret(dataDir: string): string {
  const file = join(dataDir, 'secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    const secret = randomBytes(32).toString('base64url');
    writeFileSync(file, `${secret}\n`, { mode: 0o600 });
    return secret;
  }
}

/** Reads the environment once, with validated defaults; a bad value stops the start with its name. */
export function loadConfig(env: Record<string, string | undefined> = process.env): ServerConfig {
  const result = validate(EnvSchema, env);
  if (!result.ok) throw new Error(`Invalid configuration: ${result.message}`);
  const {
    PORT,
    HOST,
    DATABASE_URL,
    KOUBEI_DATA_DIR,
    KOUBEI_PUBLIC_URL,
    KOUBEI_SECRET,
    KOUBEI_CUSTOMER_TOKEN_DAYS,
    KOUBEI_FRIENDS_MINIMUM,
  } = result.value;
  const dataDir = resolve(KOUBEI_DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  return {
    port: PORT,
    host: HOST,
    databaseUrl: DATABASE_URL ?? null,
    dataDir,
    photoDir: join(dataDir, 'photos'),
    publicUrl: (KOUBEI_PUBLIC_URL ?? `http://${HOST}:${PORT}`).replace(/\/+$/, ''),
    secret: KOUBEI_SECRET ?? persistentSecret(dataDir),
    customerTokenTtlMs: KOUBEI_CUSTOMER_TOKEN_DAYS * 24 * 3600_000,
    friendsMinimumCount: KOUBEI_FRIENDS_MINIMUM,
  };
}
