/**
 * The file part on its own: what a file is by its bytes and what is refused (with the words the
 * resident sees), metadata stripped from real JPEG, PNG and WebP photos (GPS, camera, times,
 * XMP, IPTC, comments, text chunks) with the image left as it was and the orientation kept,
 * sealing at rest bound to the file and opening across a key change, signed links (valid,
 * expired, tampered), the folder storage, and the storage settings.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { KeyringError, parseKeyring, setKeyring } from '../store/index.js';
import {
  checkFile,
  checkFileLink,
  filesConfigFromEnv,
  FilesConfigError,
  FileRefused,
  FolderStorage,
  openSealedFile,
  sealedFileKeyId,
  sealFile,
  signedFileUrl,
  sniffType,
  stripMetadata,
} from './index.js';
import { readExif } from './strip.js';
import { jpegWithMetadata, PLAIN_JPEG, PLAIN_PNG, PLAIN_WEBP, plainJpeg, pngChunks, pngWithMetadata, secretsIn, webpWithMetadata } from './test-images.fixture.js';

const refusal = (f: () => unknown): FileRefused => {
  try {
    f();
  } catch (err) {
    if (err instanceof FileRefused) return err;
    throw err;
  }
  throw new Error('not refused');
};

/** JPEG segments (marker, length) up to the start of scan. */
function jpegMarkers(b: Buffer): string[] {
  const out: string[] = [];
  for (let i = 2; i < b.length; ) {
    const marker = b[i + 1];
    if (marker === 0xda) break;
    const payload = b.subarray(i + 4, i + 2 + b.readUInt16BE(i + 2));
    const label = marker === 0xe1 ? `APP1:${payload.toString('latin1', 0, 4)}` : marker === 0xe2 ? `APP2:${payload.toString('latin1', 0, 11)}` : marker === 0xe0 ? 'APP0:JFIF' : `FF${marker.toString(16).toUpperCase()}`;
    out.push(label);
    i += 2 + b.readUInt16BE(i + 2);
  }
  return out;
}

describe('what a file is, by its bytes', () => {
  test('photos and PDFs are kept whatever they are called; other kinds are refused in plain words', () => {
    expect(checkFile(PLAIN_JPEG)).toEqual({ type: 'image/jpeg', kind: 'photo' });
    expect(checkFile(PLAIN_PNG, { declared: 'application/octet-stream' })).toEqual({ type: 'image/png', kind: 'photo' });
    expect(checkFile(PLAIN_WEBP)).toEqual({ type: 'image/webp', kind: 'photo' });
    expect(checkFile(Buffer.from('%PDF-1.7\n%…'))).toEqual({ type: 'application/pdf', kind: 'file' });

    const gif = refusal(() => checkFile(Buffer.from('GIF89a\u0001\u0000\u0001\u0000', 'latin1'), { declared: 'image/gif' }));
    expect([gif.status, gif.reason]).toEqual([415, 'it is a GIF image, and we can only keep photos (JPEG, PNG or WebP) and PDF files']);
    const heic = refusal(() => checkFile(Buffer.from('\u0000\u0000\u0000\u0018ftypheic\u0000\u0000\u0000\u0000', 'latin1')));
    expect(heic.reason).toMatch(/^it is an HEIC photo, and we can only keep/);
    expect(refusal(() => checkFile(Buffer.from('hello'), { declared: 'text/plain' })).reason).toMatch(/^it is a text file,/);
    expect(refusal(() => checkFile(Buffer.from('\u0000\u0000\u0000\u0014ftypqt  ', 'latin1'), { declared: 'video/quicktime' })).reason).toMatch(/^it is a video,/);
    // A renamed program is not a photo because it says so.
    expect(refusal(() => checkFile(Buffer.from('MZ\u0090\u0000', 'latin1'), { declared: 'image/jpeg' })).status).toBe(415);
    expect(refusal(() => checkFile(Buffer.alloc(0))).reason).toBe('it is empty');
    const big = refusal(() => checkFile(Buffer.concat([PLAIN_JPEG, Buffer.alloc(10 * 1024 * 1024)])));
    expect([big.status, big.reason]).toEqual([413, 'it is larger than 10 MB']);
    // Voice notes only where a channel allows them (WhatsApp), and a file must be what it was sent as there.
    const ogg = Buffer.from('OggS\u0000\u0002', 'latin1');
    expect(refusal(() => checkFile(ogg)).status).toBe(415);
    expect(checkFile(ogg, { allowed: ['audio/ogg'] }).kind).toBe('voice note');
    expect(refusal(() => checkFile(PLAIN_PNG, { declared: 'image/jpeg', declaredMustMatch: true })).reason).toBe('its content is not the image/jpeg it was sent as');
    expect(sniffType(Buffer.from('\u0000\u0000\u0000\u0018ftypM4A ', 'latin1'))).toBe('audio/mp4');
  });
});

describe('metadata stripped', () => {
  test('a JPEG loses EXIF (GPS, camera, time), XMP, IPTC and its comment; keeps JFIF, its colour profile, the picture and the orientation', () => {
    const sent = jpegWithMetadata(6);
    expect(secretsIn(sent).length).toBeGreaterThanOrEqual(7);
    const { bytes, removed } = stripMetadata(sent, 'image/jpeg');
    expect(secretsIn(bytes)).toEqual([]);
    expect(removed).toEqual(['EXIF (camera make and model, date and time, GPS location)', 'XMP', 'IPTC (APP13)', 'comment']);
    // What decoding needs is all there, in order; the EXIF left holds the orientation alone.
    expect(jpegMarkers(bytes)).toEqual(['APP0:JFIF', 'APP1:Exif', 'APP2:ICC_PROFILE', ...jpegMarkers(PLAIN_JPEG).slice(2)]);
    const exifAt = bytes.indexOf('Exif\u0000\u0000', 0, 'latin1');
    const exifLength = bytes.readUInt16BE(exifAt - 2);
    expect(readExif(bytes.subarray(exifAt + 6, exifAt - 2 + exifLength))).toEqual({ orientation: 6, holds: [] });
    // The picture itself (quantisation, Huffman tables, scan) is byte for byte the same.
    const scan = (b: Buffer) => b.subarray(b.indexOf(Buffer.from([0xff, 0xdb])));
    expect(scan(bytes).equals(scan(PLAIN_JPEG))).toBe(true);
    // An upright photo keeps no EXIF at all; a clean one comes out unchanged.
    expect(jpegMarkers(stripMetadata(jpegWithMetadata(1), 'image/jpeg').bytes)).toEqual(jpegMarkers(PLAIN_JPEG));
    expect(stripMetadata(PLAIN_JPEG, 'image/jpeg')).toEqual({ bytes: PLAIN_JPEG, removed: [] });
  });

  test('data hidden after a JPEG goes; one cut short is kept as far as it goes; one that does not hold together is refused', () => {
    const appended = Buffer.concat([PLAIN_JPEG, jpegWithMetadata()]);
    const out = stripMetadata(appended, 'image/jpeg');
    expect(out.bytes.equals(PLAIN_JPEG)).toBe(true);
    expect(out.removed).toEqual(['data after the image']);
    const cut = jpegWithMetadata().subarray(0, 300);
    const kept = stripMetadata(cut, 'image/jpeg');
    expect(secretsIn(kept.bytes)).toEqual([]);
    expect(kept.bytes.length).toBeLessThan(cut.length);
    const junk = Buffer.concat([PLAIN_JPEG.subarray(0, 20), Buffer.from('not a marker')]);
    expect(refusal(() => stripMetadata(junk, 'image/jpeg'))).toMatchObject({ status: 422, reason: 'it looks damaged or incomplete' });
    // A made-up JPEG header with a seed (as the WhatsApp tests send) is a plain, valid one.
    expect(stripMetadata(plainJpeg('pothole-1'), 'image/jpeg').removed).toEqual([]);
  });

  test('a PNG loses its text, time and eXIf chunks; its image data is untouched', () => {
    const sent = pngWithMetadata();
    const plain = pngChunks(PLAIN_PNG);
    expect(pngChunks(sent)).toEqual(['IHDR', 'tEXt', 'zTXt', 'iTXt', 'tIME', 'eXIf', ...plain.slice(1)]);
    const { bytes, removed } = stripMetadata(sent, 'image/png');
    expect(pngChunks(bytes)).toEqual(plain);
    expect(bytes.equals(PLAIN_PNG)).toBe(true);
    expect(removed).toEqual(['text', 'time', 'EXIF']);
    expect(secretsIn(bytes)).toEqual([]);
    // The image data decodes to 12 rows of 16 RGBA pixels, each row with its filter byte.
    const idat: Buffer[] = [];
    for (let i = 8; i + 8 <= bytes.length; i += 12 + bytes.readUInt32BE(i)) if (bytes.toString('latin1', i + 4, i + 8) === 'IDAT') idat.push(bytes.subarray(i + 8, i + 8 + bytes.readUInt32BE(i)));
    expect(inflateSync(Buffer.concat(idat)).length).toBe(12 * (1 + 16 * 4));
  });

  test('a WebP loses its EXIF and XMP chunks and their VP8X flags; the RIFF size is right', () => {
    const sent = webpWithMetadata();
    expect(sent[20] & 0x0c).toBe(0x0c);
    const { bytes, removed } = stripMetadata(sent, 'image/webp');
    expect(removed).toEqual(['EXIF', 'XMP']);
    expect(secretsIn(bytes)).toEqual([]);
    expect(bytes[20] & 0x0c).toBe(0);
    expect(bytes.readUInt32LE(4)).toBe(bytes.length - 8);
    expect(bytes.equals(PLAIN_WEBP)).toBe(true);
  });

  test('a PDF without metadata is kept as it is', () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n');
    expect(stripMetadata(pdf, 'application/pdf')).toEqual({ bytes: pdf, removed: [] });
  });

  test('a PDF loses its author, title, software, dates and XMP in place: same length, every offset still right', () => {
    const xmp = '<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>Pat Resident</dc:creator></x:xmpmeta>';
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj << /Type /Catalog /Metadata 3 0 R >> endobj\n' +
        '2 0 obj << /Author (Pat \\(P\\) Resident (home)) /Title <5061742773206C6574746572> /Producer (WordPad 10) /CreationDate (D:20261201120000Z) >> endobj\n' +
        `3 0 obj << /Type /Metadata /Length ${xmp.length} >> stream\n${xmp}\nendstream endobj\n` +
        'xref\n0 4\ntrailer << /Root 1 0 R /Info 2 0 R >>\n%%EOF\n',
      'latin1',
    );
    const { bytes, removed } = stripMetadata(pdf, 'application/pdf');
    expect(bytes.length).toBe(pdf.length);
    const text = bytes.toString('latin1');
    for (const gone of ['Pat', 'Resident', 'WordPad', '2026', '5061']) expect(text).not.toContain(gone);
    // The structure is untouched: the same objects at the same offsets, the keys still there.
    for (const kept of ['1 0 obj', '2 0 obj', '3 0 obj', '/Author (', '/Title <', 'stream\n', 'endstream', 'trailer << /Root 1 0 R /Info 2 0 R >>']) {
      expect(text.indexOf(kept)).toBe(pdf.toString('latin1').indexOf(kept));
    }
    expect(text).toMatch(/\/Title <(20)+>/);
    expect(removed.sort()).toEqual(["author's name", 'dates', 'the software that made it', 'title', 'XMP'].sort());
  });

  test('voice notes are kept as they are', () => {
    const ogg = Buffer.from('OggS\u0000\u0002rest', 'latin1');
    expect(stripMetadata(ogg, 'audio/ogg')).toEqual({ bytes: ogg, removed: [] });
  });
});

describe('sealed at rest', () => {
  const k1 = `k1:${randomBytes(32).toString('base64')}`;
  const k2 = `k2:${randomBytes(32).toString('base64')}`;
  afterEach(() => setKeyring(null));

  test('a file opens only as itself, under the key it names, after a key change too', () => {
    setKeyring(parseKeyring(k1));
    const { sealed, keyId } = sealFile(PLAIN_JPEG, 'demo', 'file-1');
    expect(keyId).toBe('k1');
    expect(sealedFileKeyId(sealed)).toBe('k1');
    expect(sealed.includes(PLAIN_JPEG.subarray(0, 16))).toBe(false);
    expect(openSealedFile(sealed, 'demo', 'file-1').equals(PLAIN_JPEG)).toBe(true);
    // Bound to its council and id: an object copied onto another row does not open.
    expect(() => openSealedFile(sealed, 'demo', 'file-2')).toThrow(/does not open/);
    expect(() => openSealedFile(sealed, 'other', 'file-1')).toThrow(/does not open/);
    const flipped = Buffer.from(sealed);
    flipped[flipped.length - 1] ^= 1;
    expect(() => openSealedFile(flipped, 'demo', 'file-1')).toThrow(/does not open/);
    // k2 current, k1 still held: old files open, new ones are under k2.
    setKeyring(parseKeyring(`${k2},${k1}`));
    expect(openSealedFile(sealed, 'demo', 'file-1').equals(PLAIN_JPEG)).toBe(true);
    expect(sealFile(PLAIN_JPEG, 'demo', 'file-3').keyId).toBe('k2');
    setKeyring(parseKeyring(k2));
    expect(() => openSealedFile(sealed, 'demo', 'file-1')).toThrow(KeyringError);
    // No keyring (an in-memory test server): kept in clear, and says so.
    setKeyring(null);
    const clear = sealFile(PLAIN_PNG, 'demo', 'file-4');
    expect(clear.keyId).toBeNull();
    expect(openSealedFile(clear.sealed, 'demo', 'file-4').equals(PLAIN_PNG)).toBe(true);
  });
});

describe('signed links', () => {
  test('valid until they expire; any change to the council, the file, the expiry or the signature is refused', () => {
    setKeyring(parseKeyring(`k1:${randomBytes(32).toString('base64')}`));
    try {
      const now = Date.UTC(2026, 0, 1, 12);
      const url = new URL(signedFileUrl('https://assistant.example.gov.uk/', 'demo', '2b1d5f0e-3c4a-4b7e-9d1f-0a2b3c4d5e6f', 600, now));
      expect(url.pathname).toBe('/files/v1/demo/2b1d5f0e-3c4a-4b7e-9d1f-0a2b3c4d5e6f');
      const expires = url.searchParams.get('expires')!;
      const signature = url.searchParams.get('signature')!;
      expect(Number(expires)).toBe(now / 1000 + 600);
      const check = (tenant: string, id: string, e: string, s: string, at = now) => checkFileLink(tenant, id, e, s, at);
      const id = '2b1d5f0e-3c4a-4b7e-9d1f-0a2b3c4d5e6f';
      expect(check('demo', id, expires, signature)).toBe('valid');
      expect(check('demo', id, expires, signature, now + 599_000)).toBe('valid');
      expect(check('demo', id, expires, signature, now + 600_000)).toBe('expired');
      expect(check('other', id, expires, signature)).toBe('invalid');
      expect(check('demo', id.replace('2b1d', '2b1e'), expires, signature)).toBe('invalid');
      expect(check('demo', id, String(Number(expires) + 3600), signature)).toBe('invalid');
      const tampered = (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1);
      expect(check('demo', id, expires, tampered)).toBe('invalid');
      expect(check('demo', id, expires, '')).toBe('invalid');
      expect(checkFileLink('demo', id, undefined, undefined, now)).toBe('invalid');
      expect(() => signedFileUrl('https://x', 'demo', id, 8 * 24 * 3600)).toThrow(RangeError);
      expect(() => signedFileUrl('https://x', 'demo', id, 0)).toThrow(RangeError);
    } finally {
      setKeyring(null);
    }
  });
});

describe('storage', () => {
  test('a folder keeps objects by key and refuses keys that would leave it', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'files-'));
    const folder = new FolderStorage(root);
    await folder.put('demo/abc', Buffer.from('one'));
    expect((await folder.get('demo/abc'))!.toString()).toBe('one');
    expect(fs.statSync(path.join(root, 'demo', 'abc')).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(path.join(root, 'demo'))).toEqual(['abc']); // no temporary file left
    await folder.delete('demo/abc');
    await folder.delete('demo/abc');
    expect(await folder.get('demo/abc')).toBeNull();
    for (const bad of ['../x', 'demo/../../x', '/etc/passwd', 'demo//x', '']) await expect(folder.put(bad, Buffer.from('x'))).rejects.toThrow(/not a file key/);
  });

  test('settings: a folder in DATA_DIR by default, S3 with a bucket, every problem reported', () => {
    expect(filesConfigFromEnv({}, '/srv/data').write.describe()).toBe(path.resolve('/srv/data/files'));
    expect(filesConfigFromEnv({ FILES_DIR: '/mnt/files' }, '/srv/data').write.describe()).toBe('/mnt/files');
    expect(filesConfigFromEnv({}, null).write.name).toBe('memory');
    const s3 = filesConfigFromEnv({ FILES_S3_BUCKET: 'council-files', FILES_S3_REGION: 'eu-west-2', FILES_S3_ACCESS_KEY_ID: 'AKIA1', FILES_S3_SECRET_ACCESS_KEY: 's' }, '/srv/data');
    expect(s3.write.describe()).toBe('s3://council-files/ at https://s3.eu-west-2.amazonaws.com (eu-west-2)');
    // The folder stays readable beside the bucket: files kept before the move still open.
    expect(s3.readable.map((r) => r.name)).toEqual(['folder', 's3']);
    let error: unknown;
    try {
      filesConfigFromEnv({ FILES_S3_BUCKET: 'Bad_Bucket', FILES_S3_ENDPOINT: 'ftp://x', FILES_S3_PATH_STYLE: 'maybe' }, null);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(FilesConfigError);
    expect((error as FilesConfigError).problems).toEqual([
      'FILES_S3_BUCKET must be a bucket name: 3-63 lower-case letters, digits, "." or "-" (got "Bad_Bucket")',
      'FILES_S3_ENDPOINT must be a URL such as https://s3.eu-west-2.amazonaws.com or http://127.0.0.1:9000 (got "ftp://x")',
      'FILES_S3_ACCESS_KEY_ID is required with FILES_S3_BUCKET',
      'FILES_S3_SECRET_ACCESS_KEY is required with FILES_S3_BUCKET',
      'FILES_S3_PATH_STYLE must be true or false (got "maybe")',
    ]);
    expect(() => filesConfigFromEnv({ FILES_S3_REGION: 'eu-west-2' }, null)).toThrow(/FILES_S3_BUCKET is required with FILES_S3_REGION/);
  });
});
