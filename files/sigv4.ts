import { createHash, createHmac } from 'node:crypto';

/**
 * AWS Signature Version 4 for a request with headers (not a presigned URL), as AWS specifies it
 * ("Create a signed AWS API request", and the S3 variant in "Authenticating Requests: Using the
 * Authorization Header"): a canonical request (method, URI, sorted query, lower-cased sorted
 * headers, the signed header names, the payload's SHA-256), a string to sign over its hash and the
 * credential scope, and an HMAC-SHA256 chain from the secret key down to that scope. S3 paths are
 * URI-encoded once (other services encode twice); '/' between segments stays as it is.
 * Checked against AWS's own worked examples in files/s3.test.ts.
 */

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** A temporary credential's session token (sent as x-amz-security-token and signed). */
  sessionToken?: string;
}

export interface SignInput {
  method: string;
  url: URL;
  /** Headers to send and sign (host and x-amz-date are added). */
  headers: Record<string, string>;
  /** Hex SHA-256 of the body (also sent as x-amz-content-sha256 for S3). */
  payloadHash: string;
  region: string;
  service: string;
  credentials: Credentials;
  now: Date;
}

export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

/** RFC 3986 percent-encoding: everything but A-Z a-z 0-9 - . _ ~ (encodeURIComponent leaves !'()* too). */
export function uriEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** 20130524T000000Z */
export const amzDate = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** The canonical URI of an S3 request: each segment of the (decoded) path encoded once. */
function canonicalUri(url: URL): string {
  const path = url.pathname || '/';
  return path
    .split('/')
    .map((seg) => uriEncode(decodeURIComponent(seg)))
    .join('/');
}

function canonicalQuery(url: URL): string {
  const pairs = [...url.searchParams.entries()].map(([k, v]) => [uriEncode(k), uriEncode(v)] as const);
  pairs.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

/** Header values trimmed, inner runs of spaces made one. */
const canonicalValue = (v: string) => v.trim().replace(/\s+/g, ' ');

export interface Signed {
  /** Every header to send, Authorization included (host is set by fetch from the URL, and signed as it sends it). */
  headers: Record<string, string>;
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
}

export function signingKey(secretAccessKey: string, date: string, region: string, service: string): Buffer {
  return hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, date), region), service), 'aws4_request');
}

export function signV4(input: SignInput): Signed {
  const stamp = amzDate(input.now);
  const date = stamp.slice(0, 8);
  const headers: Record<string, string> = { ...input.headers, 'x-amz-date': stamp };
  if (input.credentials.sessionToken) headers['x-amz-security-token'] = input.credentials.sessionToken;
  const toSign: Record<string, string> = { host: input.url.host };
  for (const [k, v] of Object.entries(headers)) toSign[k.toLowerCase()] = canonicalValue(v);
  const names = Object.keys(toSign).sort();
  const signedHeaders = names.join(';');
  const canonicalRequest = [
    input.method.toUpperCase(),
    canonicalUri(input.url),
    canonicalQuery(input.url),
    names.map((n) => `${n}:${toSign[n]}\n`).join(''),
    signedHeaders,
    input.payloadHash,
  ].join('\n');
  const scope = `${date}/${input.region}/${input.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', stamp, scope, sha256Hex(canonicalRequest)].join('\n');
  const signature = createHmac('sha256', signingKey(input.credentials.secretAccessKey, date, input.region, input.service)).update(stringToSign, 'utf8').digest('hex');
  return {
    headers: { ...headers, Authorization: `AWS4-HMAC-SHA256 Credential=${input.credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}` },
    canonicalRequest,
    stringToSign,
    signature,
  };
}
