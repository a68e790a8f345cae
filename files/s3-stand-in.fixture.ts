import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';

/**
 * A local stand-in for an S3-compatible object store, for tests: path-style PutObject, GetObject
 * and DeleteObject on one bucket, each refused unless its Signature Version 4 Authorization header
 * verifies. The verification is written here from AWS's specification, apart from the client's
 * signing code (files/sigv4.ts), and is itself checked against AWS's worked example in
 * files/s3.test.ts: the canonical request is rebuilt from the request as received (method, path,
 * query, the signed headers' values), the payload's SHA-256 must be the x-amz-content-sha256 sent,
 * the credential scope must name today's date, the region and "s3", and x-amz-date must be within
 * 15 minutes. Errors are S3's XML (`<Error><Code>SignatureDoesNotMatch</Code>…`).
 */

export interface S3Request {
  method: string;
  key: string;
  status: number;
  /** The signature verified (every stored or served object was asked for with one). */
  verified: boolean;
  signedHeaders: string[];
  error?: string;
}

export interface S3StandIn {
  url: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** The objects held, by key. */
  objects: Map<string, Buffer>;
  requests: S3Request[];
  /** Answers the next requests with these statuses (S3's InternalError / SlowDown). */
  failNext(...statuses: (500 | 503)[]): void;
  close(): Promise<void>;
}

const SCOPE_SERVICE = 's3';

/** RFC 3986 unreserved characters stay; everything else is %XX, upper case. */
function encode(s: string): string {
  let out = '';
  for (const byte of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

export interface ReceivedRequest {
  method: string;
  /** The request target as sent: path and query. */
  target: string;
  /** Lower-case names, as Node gives them. */
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** Why a request's signature does not verify, or null when it does. */
export function verifySigV4(req: ReceivedRequest, credentials: { accessKeyId: string; secretAccessKey: string }, region: string, now: Date, checkTime = true): string | null {
  const auth = String(req.headers.authorization ?? '');
  const m = /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request,\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/.exec(auth);
  if (!m) return 'AuthorizationHeaderMalformed';
  const [, keyId, date, scopeRegion, service, signedList, signature] = m;
  if (keyId !== credentials.accessKeyId) return 'InvalidAccessKeyId';
  if (scopeRegion !== region || service !== SCOPE_SERVICE) return 'AuthorizationHeaderMalformed';
  const amzDate = String(req.headers['x-amz-date'] ?? '');
  if (!/^\d{8}T\d{6}Z$/.test(amzDate) || amzDate.slice(0, 8) !== date) return 'AuthorizationHeaderMalformed';
  if (checkTime) {
    const t = Date.UTC(+amzDate.slice(0, 4), +amzDate.slice(4, 6) - 1, +amzDate.slice(6, 8), +amzDate.slice(9, 11), +amzDate.slice(11, 13), +amzDate.slice(13, 15));
    if (Math.abs(now.getTime() - t) > 15 * 60_000) return 'RequestTimeTooSkewed';
  }
  const signed = signedList.split(';');
  for (const required of ['host', 'x-amz-date', 'x-amz-content-sha256']) if (!signed.includes(required)) return 'AccessDenied';
  const payloadHash = String(req.headers['x-amz-content-sha256'] ?? '');
  if (payloadHash !== 'UNSIGNED-PAYLOAD' && payloadHash !== createHash('sha256').update(req.body).digest('hex')) return 'XAmzContentSHA256Mismatch';
  const [rawPath, rawQuery = ''] = req.target.split('?', 2);
  const path = rawPath.split('/').map((seg) => encode(decodeURIComponent(seg))).join('/');
  const query = rawQuery
    .split('&')
    .filter(Boolean)
    .map((p) => {
      const [k, v = ''] = p.split('=', 2);
      return [encode(decodeURIComponent(k.replace(/\+/g, ' '))), encode(decodeURIComponent(v.replace(/\+/g, ' ')))];
    })
    .sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const headerLines = signed.map((name) => {
    const v = req.headers[name];
    if (v === undefined) return null;
    const value = (Array.isArray(v) ? v.join(',') : v).trim().replace(/\s+/g, ' ');
    return `${name}:${value}\n`;
  });
  if (headerLines.includes(null)) return 'AccessDenied';
  const canonical = `${req.method}\n${path}\n${query}\n${headerLines.join('')}\n${signedList}\n${payloadHash}`;
  const scope = `${date}/${scopeRegion}/${SCOPE_SERVICE}/aws4_request`;
  const toSign = `AWS4-HMAC-SHA256\n${amzDate}\n${scope}\n${createHash('sha256').update(canonical).digest('hex')}`;
  let key: Buffer = createHmac('sha256', `AWS4${credentials.secretAccessKey}`).update(date).digest();
  for (const part of [scopeRegion, SCOPE_SERVICE, 'aws4_request']) key = createHmac('sha256', key).update(part).digest();
  const expected = createHmac('sha256', key).update(toSign).digest();
  const given = Buffer.from(signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected) ? null : 'SignatureDoesNotMatch';
}

const xmlError = (code: string, message: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>standin</RequestId></Error>`;

export async function startS3StandIn(options: { bucket?: string; region?: string } = {}): Promise<S3StandIn> {
  const bucket = options.bucket ?? 'council-files';
  const region = options.region ?? 'eu-west-2';
  const accessKeyId = 'AKIASTANDIN00000001';
  const secretAccessKey = 'stand-in/secret/key/0123456789abcdefABCDEF';
  const objects = new Map<string, Buffer>();
  const requests: S3Request[] = [];
  const failures: number[] = [];

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const target = req.url ?? '/';
      const [path] = target.split('?', 1);
      const segments = path.split('/').slice(1).map(decodeURIComponent);
      const key = segments.slice(1).join('/');
      const method = req.method ?? 'GET';
      const record: S3Request = { method, key, status: 200, verified: false, signedHeaders: [] };
      requests.push(record);
      const answer = (status: number, xml?: string, code?: string) => {
        record.status = status;
        if (code) record.error = code;
        res.writeHead(status, xml ? { 'content-type': 'application/xml' } : {});
        res.end(xml);
      };
      const problem = verifySigV4({ method, target, headers: req.headers, body }, { accessKeyId, secretAccessKey }, region, new Date());
      record.signedHeaders = /SignedHeaders=([a-z0-9;-]+)/.exec(String(req.headers.authorization ?? ''))?.[1].split(';') ?? [];
      if (problem) return answer(problem === 'InvalidAccessKeyId' ? 403 : problem === 'AuthorizationHeaderMalformed' ? 400 : 403, xmlError(problem, 'The request signature we calculated does not match the signature you provided.'), problem);
      record.verified = true;
      const failure = failures.shift();
      if (failure) return answer(failure, xmlError(failure === 503 ? 'SlowDown' : 'InternalError', 'Please try again.'), 'failure');
      if (segments[0] !== bucket) return answer(404, xmlError('NoSuchBucket', 'The specified bucket does not exist'), 'NoSuchBucket');
      if (!key) return answer(400, xmlError('InvalidRequest', 'A key is required'), 'InvalidRequest');
      if (method === 'PUT') {
        objects.set(key, body);
        res.setHeader('ETag', `"${createHash('md5').update(body).digest('hex')}"`);
        return answer(200);
      }
      if (method === 'GET') {
        const object = objects.get(key);
        if (!object) return answer(404, xmlError('NoSuchKey', 'The specified key does not exist.'), 'NoSuchKey');
        record.status = 200;
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(object.length) });
        return res.end(object);
      }
      if (method === 'DELETE') {
        objects.delete(key);
        return answer(204);
      }
      return answer(405, xmlError('MethodNotAllowed', 'The specified method is not allowed against this resource.'), 'MethodNotAllowed');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    bucket,
    region,
    accessKeyId,
    secretAccessKey,
    objects,
    requests,
    failNext: (...statuses) => void failures.push(...statuses),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The environment that points the app's file storage at this stand-in. */
export function s3Env(s3: S3StandIn, prefix = ''): Record<string, string> {
  return {
    FILES_S3_BUCKET: s3.bucket,
    FILES_S3_REGION: s3.region,
    FILES_S3_ENDPOINT: s3.url,
    FILES_S3_ACCESS_KEY_ID: s3.accessKeyId,
    FILES_S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
    ...(prefix ? { FILES_S3_PREFIX: prefix } : {}),
  };
}
