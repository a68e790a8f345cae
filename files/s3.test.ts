/**
 * The S3 storage: Signature Version 4 as AWS specifies it (AWS's own worked examples for S3, GET
 * with a Range header and PUT with a storage class, give the signatures AWS publishes), and a
 * round trip (put, get, delete) against a local server that speaks the S3 API and refuses any
 * request whose signature it cannot verify: a wrong secret, a changed body, another region.
 */
import { EMPTY_SHA256, S3Storage, sha256Hex, signV4 } from './index.js';
import { startS3StandIn, verifySigV4, type S3StandIn } from './s3-stand-in.fixture.js';

// The example credentials of AWS's documentation ("Signature Calculations for the Authorization Header").
const EXAMPLE = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const EXAMPLE_TIME = new Date('2013-05-24T00:00:00Z');

test("AWS's worked examples: GET Object with a Range header, PUT Object with a storage class", () => {
  const get = signV4({
    method: 'GET',
    url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
    headers: { Range: 'bytes=0-9', 'x-amz-content-sha256': EMPTY_SHA256 },
    payloadHash: EMPTY_SHA256,
    region: 'us-east-1',
    service: 's3',
    credentials: EXAMPLE,
    now: EXAMPLE_TIME,
  });
  expect(get.signature).toBe('f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
  expect(get.headers.Authorization).toBe(
    'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
  );
  const body = 'Welcome to Amazon S3.';
  const put = signV4({
    method: 'PUT',
    url: new URL('https://examplebucket.s3.amazonaws.com/test$file.text'),
    headers: { Date: 'Fri, 24 May 2013 00:00:00 GMT', 'x-amz-storage-class': 'REDUCED_REDUNDANCY', 'x-amz-content-sha256': sha256Hex(body) },
    payloadHash: sha256Hex(body),
    region: 'us-east-1',
    service: 's3',
    credentials: EXAMPLE,
    now: EXAMPLE_TIME,
  });
  expect(put.canonicalRequest.split('\n').slice(0, 2)).toEqual(['PUT', '/test%24file.text']);
  expect(put.signature).toBe('98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd');
});

test("the stand-in's verification accepts AWS's example as AWS signed it, and nothing changed from it", () => {
  const request = {
    method: 'GET',
    target: '/test.txt',
    headers: {
      host: 'examplebucket.s3.amazonaws.com',
      range: 'bytes=0-9',
      'x-amz-content-sha256': EMPTY_SHA256,
      'x-amz-date': '20130524T000000Z',
      authorization:
        'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    },
    body: Buffer.alloc(0),
  };
  expect(verifySigV4(request, EXAMPLE, 'us-east-1', EXAMPLE_TIME)).toBeNull();
  expect(verifySigV4({ ...request, headers: { ...request.headers, range: 'bytes=0-10' } }, EXAMPLE, 'us-east-1', EXAMPLE_TIME)).toBe('SignatureDoesNotMatch');
  expect(verifySigV4({ ...request, target: '/test.txt2' }, EXAMPLE, 'us-east-1', EXAMPLE_TIME)).toBe('SignatureDoesNotMatch');
  expect(verifySigV4(request, { ...EXAMPLE, secretAccessKey: 'x' }, 'us-east-1', EXAMPLE_TIME)).toBe('SignatureDoesNotMatch');
  expect(verifySigV4({ ...request, body: Buffer.from('x') }, EXAMPLE, 'us-east-1', EXAMPLE_TIME)).toBe('XAmzContentSHA256Mismatch');
  expect(verifySigV4(request, EXAMPLE, 'us-east-1', new Date('2013-05-24T01:00:00Z'))).toBe('RequestTimeTooSkewed');
});

describe('against a local S3 server', () => {
  let s3: S3StandIn;
  beforeAll(async () => {
    s3 = await startS3StandIn();
  });
  afterAll(async () => s3?.close());

  const storage = (over: Partial<ConstructorParameters<typeof S3Storage>[0]> = {}) =>
    new S3Storage({ bucket: s3.bucket, region: s3.region, endpoint: s3.url, pathStyle: true, prefix: 'council-assistant/', credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey }, ...over });

  test('put, get and delete round trip, every request signed and verified', async () => {
    const before = s3.requests.length;
    const bytes = Buffer.concat([Buffer.from('CAF1'), Buffer.from(Array.from({ length: 70_000 }, (_, i) => i % 251))]);
    const store = storage();
    await store.put('demo-1/7a0c9c3e-0000-4000-8000-000000000001', bytes);
    expect(s3.objects.get('council-assistant/demo-1/7a0c9c3e-0000-4000-8000-000000000001')!.equals(bytes)).toBe(true);
    expect((await store.get('demo-1/7a0c9c3e-0000-4000-8000-000000000001'))!.equals(bytes)).toBe(true);
    expect(await store.get('demo-1/missing')).toBeNull();
    await store.delete('demo-1/7a0c9c3e-0000-4000-8000-000000000001');
    expect(s3.objects.size).toBe(0);
    await store.delete('demo-1/7a0c9c3e-0000-4000-8000-000000000001');
    const mine = s3.requests.slice(before);
    expect(mine.map((r) => [r.method, r.status])).toEqual([
      ['PUT', 200],
      ['GET', 200],
      ['GET', 404],
      ['DELETE', 204],
      ['DELETE', 204],
    ]);
    expect(mine.every((r) => r.verified)).toBe(true);
    expect(mine[0].signedHeaders).toEqual(['content-type', 'host', 'x-amz-content-sha256', 'x-amz-date']);
  });

  test('a wrong secret, another region or another bucket is refused with S3\'s error; a 503 is tried again', async () => {
    await expect(storage({ credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: 'not-the-secret' } }).put('demo/a', Buffer.from('x'))).rejects.toThrow(/S3 PUT demo\/a: 403 SignatureDoesNotMatch/);
    await expect(storage({ region: 'us-east-1' }).get('demo/a')).rejects.toThrow(/400 AuthorizationHeaderMalformed/);
    await expect(storage({ credentials: { accessKeyId: 'AKIAOTHER', secretAccessKey: s3.secretAccessKey } }).get('demo/a')).rejects.toThrow(/403 InvalidAccessKeyId/);
    await expect(storage({ bucket: 'someone-elses' }).put('demo/a', Buffer.from('x'))).rejects.toMatchObject({ message: expect.stringMatching(/404 NoSuchBucket/), retryable: false });
    expect(s3.objects.size).toBe(0);
    s3.failNext(503);
    await storage().put('demo/b', Buffer.from('after a retry'));
    expect(s3.objects.get('council-assistant/demo/b')!.toString()).toBe('after a retry');
  });

  test('keys are encoded once in the path (path-style) or under the bucket host (virtual-hosted)', () => {
    expect(storage().urlOf('demo/a-b_c.d').href).toBe(`${s3.url}/${s3.bucket}/council-assistant/demo/a-b_c.d`);
    expect(new S3Storage({ ...storage().settings, endpoint: 'https://s3.eu-west-2.amazonaws.com', pathStyle: false, prefix: '' }).urlOf('demo/x').href).toBe(`https://${s3.bucket}.s3.eu-west-2.amazonaws.com/demo/x`);
  });
});
