import path from 'node:path';
import { S3Storage } from './s3.js';
import { FolderStorage, memoryFileStorage, useFileStorage, type FileStorage } from './storage.js';

/**
 * Which storage residents' files go to, from the environment (README "Photos and files"):
 *   FILES_S3_BUCKET set: an S3-compatible bucket, with FILES_S3_REGION (default us-east-1),
 *     FILES_S3_ENDPOINT (default AWS's endpoint for the region), FILES_S3_ACCESS_KEY_ID and
 *     FILES_S3_SECRET_ACCESS_KEY (both required), FILES_S3_SESSION_TOKEN (temporary credentials),
 *     FILES_S3_PATH_STYLE (true/false; default true with an endpoint, false on AWS), FILES_S3_PREFIX;
 *   otherwise a folder: FILES_DIR, default DATA_DIR/files;
 *   no data folder (an in-memory store, tests): memory.
 * A folder in DATA_DIR stays readable beside a bucket, so files kept before a move to S3 still open.
 */

export class FilesConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid file storage configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'FilesConfigError';
  }
}

export interface FilesConfig {
  /** Where new files go. */
  write: FileStorage;
  /** Every storage rows may name (the write one included). */
  readable: FileStorage[];
}

const read = (env: Record<string, string | undefined>, name: string) => env[name]?.trim() || undefined;

export function filesConfigFromEnv(env: Record<string, string | undefined>, dataDir: string | null): FilesConfig {
  const folderPath = read(env, 'FILES_DIR') ?? (dataDir ? path.join(dataDir, 'files') : undefined);
  const folder = folderPath ? new FolderStorage(path.resolve(folderPath)) : undefined;
  const bucket = read(env, 'FILES_S3_BUCKET');
  const s3Vars = Object.keys(env).filter((k) => k.startsWith('FILES_S3_') && read(env, k));
  if (!bucket) {
    if (s3Vars.length) throw new FilesConfigError([`FILES_S3_BUCKET is required with ${s3Vars.join(', ')}`]);
    const write = folder ?? memoryFileStorage();
    return { write, readable: [write] };
  }
  const problems: string[] = [];
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) problems.push(`FILES_S3_BUCKET must be a bucket name: 3-63 lower-case letters, digits, "." or "-" (got "${bucket}")`);
  const region = read(env, 'FILES_S3_REGION') ?? 'us-east-1';
  if (!/^[a-z0-9-]{2,32}$/.test(region)) problems.push(`FILES_S3_REGION must be a region such as eu-west-2 (got "${region}")`);
  const given = read(env, 'FILES_S3_ENDPOINT');
  const endpoint = (given ?? `https://s3.${region}.amazonaws.com`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/\s]+(\/[^\s]*)?$/.test(endpoint)) problems.push(`FILES_S3_ENDPOINT must be a URL such as https://s3.eu-west-2.amazonaws.com or http://127.0.0.1:9000 (got "${endpoint}")`);
  const accessKeyId = read(env, 'FILES_S3_ACCESS_KEY_ID');
  const secretAccessKey = read(env, 'FILES_S3_SECRET_ACCESS_KEY');
  if (!accessKeyId) problems.push('FILES_S3_ACCESS_KEY_ID is required with FILES_S3_BUCKET');
  if (!secretAccessKey) problems.push('FILES_S3_SECRET_ACCESS_KEY is required with FILES_S3_BUCKET');
  const style = read(env, 'FILES_S3_PATH_STYLE')?.toLowerCase();
  if (style && !['true', 'false', '1', '0'].includes(style)) problems.push(`FILES_S3_PATH_STYLE must be true or false (got "${style}")`);
  const prefix = read(env, 'FILES_S3_PREFIX') ?? '';
  if (prefix && !/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*\/?$/.test(prefix)) problems.push(`FILES_S3_PREFIX must be letters, digits, ".", "_", "-" and "/" (got "${prefix}")`);
  if (problems.length) throw new FilesConfigError(problems);
  const s3 = new S3Storage({
    bucket,
    region,
    endpoint,
    pathStyle: style ? style === 'true' || style === '1' : !!given,
    prefix: prefix && !prefix.endsWith('/') ? `${prefix}/` : prefix,
    credentials: { accessKeyId: accessKeyId!, secretAccessKey: secretAccessKey!, ...(read(env, 'FILES_S3_SESSION_TOKEN') ? { sessionToken: read(env, 'FILES_S3_SESSION_TOKEN') } : {}) },
  });
  return { write: s3, readable: folder ? [folder, s3] : [s3] };
}

/** Reads the configuration and makes it the process's (api/server.ts at start, scripts/rotate-keys.ts). */
export function configureFiles(env: Record<string, string | undefined>, dataDir: string | null): FilesConfig {
  const config = filesConfigFromEnv(env, dataDir);
  useFileStorage(config.write, config.readable);
  return config;
}
