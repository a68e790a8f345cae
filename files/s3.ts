import { EMPTY_SHA256, sha256Hex, signV4, uriEncode, type Credentials } from './sigv4.js';
import { checkKey, FileStorageError, type FileStorage } from './storage.js';

/**
 * An S3-compatible bucket (AWS S3, MinIO, Ceph, Cloudflare R2, Scaleway…) through its REST API:
 * PutObject, GetObject and DeleteObject, each signed with Signature Version 4 (files/sigv4.ts)
 * over the payload's SHA-256, with fetch. No SDK: three calls need no more. Errors are S3's XML
 * (`<Error><Code>…`), reported by code; 5xx, 429 and network failures are retryable.
 */
const TRIES = 3;
const RETRY_MS = 200;

export interface S3Settings {
  bucket: string;
  region: string;
  /** Origin of the API, e.g. https://s3.eu-west-2.amazonaws.com or http://127.0.0.1:9000 (MinIO). */
  endpoint: string;
  /** Path-style (endpoint/bucket/key) or virtual-hosted (bucket.endpoint/key). */
  pathStyle: boolean;
  /** Prefix of every key, e.g. "council-assistant/" ("" for none). */
  prefix: string;
  credentials: Credentials;
  /** Per request; default 30 s. */
  timeoutMs?: number;
  now?: () => Date;
}

export class S3Storage implements FileStorage {
  readonly name = 's3';
  constructor(readonly settings: S3Settings) {}

  describe(): string {
    const s = this.settings;
    return `s3://${s.bucket}/${s.prefix} at ${s.endpoint} (${s.region})`;
  }

  /** The object's URL: the key's segments encoded once, as SigV4 signs them for S3. */
  urlOf(key: string): URL {
    const s = this.settings;
    const path = `${s.prefix}${checkKey(key)}`.split('/').map(uriEncode).join('/');
    const base = new URL(s.endpoint);
    if (s.pathStyle) return new URL(`${base.origin}${base.pathname.replace(/\/$/, '')}/${uriEncode(s.bucket)}/${path}`);
    return new URL(`${base.protocol}//${s.bucket}.${base.host}${base.pathname.replace(/\/$/, '')}/${path}`);
  }

  private async call(method: 'PUT' | 'GET' | 'DELETE', key: string, body?: Buffer): Promise<Response> {
    const url = this.urlOf(key);
    const payloadHash = body ? sha256Hex(body) : EMPTY_SHA256;
    const headers: Record<string, string> = { 'x-amz-content-sha256': payloadHash };
    // Content-Length is set by fetch from the body, and not signed (S3 does not require it).
    if (body) headers['content-type'] = 'application/octet-stream';
    const signed = signV4({ method, url, headers, payloadHash, region: this.settings.region, service: 's3', credentials: this.settings.credentials, now: this.settings.now?.() ?? new Date() });
    try {
      return await fetch(url, { method, headers: signed.headers, body: body ? new Uint8Array(body).buffer : undefined, signal: AbortSignal.timeout(this.settings.timeoutMs ?? 30_000), redirect: 'error' });
    } catch (err) {
      throw new FileStorageError(`S3 ${method} ${key}: ${(err as Error).message}`, true);
    }
  }

  private async failure(method: string, key: string, res: Response): Promise<FileStorageError> {
    const text = await res.text().catch(() => '');
    const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1];
    const message = /<Message>([^<]*)<\/Message>/.exec(text)?.[1];
    return new FileStorageError(`S3 ${method} ${key}: ${res.status}${code ? ` ${code}` : ''}${message ? `: ${message}` : ''}`, res.status >= 500 || res.status === 429);
  }

  /** Up to three tries for what may pass on a second go (5xx, 429, the network), each freshly signed. */
  private async retried<T>(run: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await run();
      } catch (err) {
        if (!(err instanceof FileStorageError && err.retryable) || attempt >= TRIES) throw err;
        await new Promise((r) => setTimeout(r, RETRY_MS * attempt));
      }
    }
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    await this.retried(async () => {
      const res = await this.call('PUT', key, bytes);
      if (!res.ok) throw await this.failure('PUT', key, res);
      await res.arrayBuffer();
    });
  }

  async get(key: string): Promise<Buffer | null> {
    return this.retried(async () => {
      const res = await this.call('GET', key);
      if (res.status === 404) {
        await res.arrayBuffer();
        return null;
      }
      if (!res.ok) throw await this.failure('GET', key, res);
      return Buffer.from(await res.arrayBuffer());
    });
  }

  async delete(key: string): Promise<void> {
    await this.retried(async () => {
      const res = await this.call('DELETE', key);
      // S3 answers 204 whether or not the object was there; some servers say 404.
      if (!res.ok && res.status !== 404) throw await this.failure('DELETE', key, res);
      await res.arrayBuffer();
    });
  }
}
