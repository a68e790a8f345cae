import { deflateSync } from 'node:zlib';

/**
 * Photos for the file tests: real images (made by Chromium's canvas: a 16x12 JPEG with an sRGB
 * ICC profile, a PNG, a WebP with VP8X and ICCP) with the metadata phones and editors write put
 * into them: EXIF with the camera, the time, the orientation and a GPS block, XMP, IPTC, a comment;
 * PNG text and eXIf chunks; WebP EXIF and XMP chunks. Each carries marker strings that must not
 * survive the stripping (SECRETS).
 */

export const PLAIN_JPEG = Buffer.from('/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAMABADASIAAhEBAxEB/8QAFgABAQEAAAAAAAAAAAAAAAAAAAUG/8QAHxAAAAUEAwAAAAAAAAAAAAAAAQIDERIABBNhBTFB/8QAFQEBAQAAAAAAAAAAAAAAAAAABQf/xAAgEQAABQMFAAAAAAAAAAAAAAAAERITFAIEISNRUoGx/9oADAMBAAIRAxEAPwDBc1fq2OHEUgzk8gHxt7pwt+rfZspSBCLRAfX3qqCqKSzZUiKN1IoC1EkUkXxJETfuJQB6HXQ2ks7ijx7iW65p8ei9yP/Z', 'base64');
export const PLAIN_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAABAAAAAMCAYAAABr5z2BAAAAQElEQVR4AdyQwQkAMAgDiys5VGfqTt1J881HBAVBSR4SCKfyVa1iOcXpL7ggioyY1E9A9YllI8HD3ZERk+Z/4AAAAP//HvWxCAAAAAZJREFUAwCU+CspC1Va8AAAAABJRU5ErkJggg==', 'base64');
export const PLAIN_WEBP = Buffer.from('UklGRkwCAABXRUJQVlA4WAoAAAAgAAAADwAACwAASUNDUMgBAAAAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADZWUDggXgAAADACAJ0BKhAADAABQCYlsAJ0ugB+KoN2SpcAAP7r/ynY/P1eQzjvs8Ca5sz70rmdyRL9ZkyDErA/9LDpv0f5lH/y6qZ/4sPN/R/iUf/DIyH/rXOxEg9v/Gh1PXnoAAA=', 'base64');

/** Strings that only the metadata holds. */
export const SECRETS = ['Acme Phones', 'Pixel Secret 9', '2026:01:02 03:04:05', 'GPS-FIX-SECRET', 'Merebrook-Secret-City', 'Taken by Jo Bloggs', 'IPTC-Byline-Secret', 'PNG-Author-Secret', 'WEBP-EXIF-SECRET'];

/** A big-endian TIFF block: IFD0 (make, model, orientation, date, GPS pointer) and a GPS IFD. */
export function exifTiff(orientation = 6): Buffer {
  type Entry = { tag: number; type: number; count: number; value: Buffer };
  const ascii = (s: string) => Buffer.from(`${s}\u0000`, 'latin1');
  const short = (n: number) => {
    const b = Buffer.alloc(2);
    b.writeUInt16BE(n);
    return b;
  };
  const long = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(n);
    return b;
  };
  const rationals = (...pairs: [number, number][]) => Buffer.concat(pairs.map(([a, b]) => Buffer.concat([long(a), long(b)])));
  /** One IFD at `at` (from the TIFF start): entries, next-IFD 0, then the values that do not fit in 4 bytes. */
  const ifd = (entries: Entry[], at: number): Buffer => {
    const head = Buffer.alloc(2 + entries.length * 12 + 4);
    head.writeUInt16BE(entries.length, 0);
    let extra = at + head.length;
    const tails: Buffer[] = [];
    entries.forEach((e, i) => {
      const o = 2 + i * 12;
      head.writeUInt16BE(e.tag, o);
      head.writeUInt16BE(e.type, o + 2);
      head.writeUInt32BE(e.count, o + 4);
      if (e.value.length <= 4) e.value.copy(head, o + 8);
      else {
        head.writeUInt32BE(extra, o + 8);
        const v = e.value.length % 2 ? Buffer.concat([e.value, Buffer.alloc(1)]) : e.value;
        tails.push(v);
        extra += v.length;
      }
    });
    return Buffer.concat([head, ...tails]);
  };
  const gpsEntries = (): Entry[] => [
    { tag: 0x0001, type: 2, count: 2, value: ascii('N') },
    { tag: 0x0002, type: 5, count: 3, value: rationals([50, 1], [43, 1], [1700, 100]) },
    { tag: 0x0003, type: 2, count: 2, value: ascii('W') },
    { tag: 0x0004, type: 5, count: 3, value: rationals([1, 1], [52, 1], [3300, 100]) },
    { tag: 0x001b, type: 7, count: 22, value: Buffer.from('ASCII\u0000\u0000\u0000GPS-FIX-SECRET', 'latin1') },
  ];
  const ifd0Entries = (gpsAt: number): Entry[] => [
    { tag: 0x010f, type: 2, count: 12, value: ascii('Acme Phones') },
    { tag: 0x0110, type: 2, count: 15, value: ascii('Pixel Secret 9') },
    { tag: 0x0112, type: 3, count: 1, value: Buffer.concat([short(orientation), Buffer.alloc(2)]) },
    { tag: 0x0132, type: 2, count: 20, value: ascii('2026:01:02 03:04:05') },
    { tag: 0x8825, type: 4, count: 1, value: long(gpsAt) },
  ];
  const first = ifd(ifd0Entries(0), 8);
  const gpsAt = 8 + first.length;
  return Buffer.concat([Buffer.from('MM\u0000*', 'latin1'), long(8), ifd(ifd0Entries(gpsAt), 8), ifd(gpsEntries(), gpsAt)]);
}

const segment = (marker: number, payload: Buffer) => {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
};

/** The plain JPEG with EXIF (GPS), XMP, IPTC and a comment after its JFIF header, as a phone and an editor leave them. */
export function jpegWithMetadata(orientation = 6): Buffer {
  const afterJfif = 2 + 2 + PLAIN_JPEG.readUInt16BE(4);
  const exif = segment(0xe1, Buffer.concat([Buffer.from('Exif\u0000\u0000', 'latin1'), exifTiff(orientation)]));
  const xmp = segment(0xe1, Buffer.from('http://ns.adobe.com/xap/1.0/\u0000<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description photoshop:City="Merebrook-Secret-City"/></rdf:RDF></x:xmpmeta>', 'latin1'));
  const iptc = segment(0xed, Buffer.from('Photoshop 3.0\u00008BIM\u0004\u0004\u0000\u0000\u0000\u0000\u0000\u0016\u001c\u0002P\u0000\u0012IPTC-Byline-Secret', 'latin1'));
  const comment = segment(0xfe, Buffer.from('Taken by Jo Bloggs', 'latin1'));
  return Buffer.concat([PLAIN_JPEG.subarray(0, afterJfif), exif, xmp, iptc, comment, PLAIN_JPEG.subarray(afterJfif)]);
}

/** A JPEG unlike any other (its JFIF header carries a thumbnail-sized seed), and with nothing to strip. */
export function plainJpeg(seed: string): Buffer {
  const jfifLength = PLAIN_JPEG.readUInt16BE(4);
  const jfif = Buffer.concat([PLAIN_JPEG.subarray(6, 4 + jfifLength), Buffer.from(seed.padEnd(16, '.').slice(0, 16), 'latin1')]);
  return Buffer.concat([PLAIN_JPEG.subarray(0, 2), segment(0xe0, jfif), PLAIN_JPEG.subarray(4 + jfifLength)]);
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

export function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, crc]);
}

/** The PNG's chunk types in order. */
export function pngChunks(png: Buffer): string[] {
  const types: string[] = [];
  for (let i = 8; i + 8 <= png.length; ) {
    types.push(png.toString('latin1', i + 4, i + 8));
    i += 12 + png.readUInt32BE(i);
  }
  return types;
}

/** The plain PNG with tEXt, zTXt, iTXt, tIME and eXIf chunks after IHDR. */
export function pngWithMetadata(): Buffer {
  const afterIhdr = 8 + 12 + PLAIN_PNG.readUInt32BE(8);
  return Buffer.concat([
    PLAIN_PNG.subarray(0, afterIhdr),
    pngChunk('tEXt', Buffer.from('Author\u0000PNG-Author-Secret', 'latin1')),
    pngChunk('zTXt', Buffer.concat([Buffer.from('Comment\u0000\u0000', 'latin1'), deflateSync(Buffer.from('Taken by Jo Bloggs'))])),
    pngChunk('iTXt', Buffer.from('XML:com.adobe.xmp\u0000\u0000\u0000\u0000\u0000<x:xmpmeta>Merebrook-Secret-City</x:xmpmeta>', 'latin1')),
    pngChunk('tIME', Buffer.from([0x07, 0xea, 1, 2, 3, 4, 5])),
    pngChunk('eXIf', exifTiff(1)),
    PLAIN_PNG.subarray(afterIhdr),
  ]);
}

/** The plain WebP with EXIF and XMP chunks, announced in its VP8X flags. */
export function webpWithMetadata(): Buffer {
  const chunk = (fourcc: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.write(fourcc, 0, 'latin1');
    head.writeUInt32LE(data.length, 4);
    return Buffer.concat([head, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
  };
  const body = Buffer.concat([
    PLAIN_WEBP.subarray(12),
    chunk('EXIF', Buffer.concat([Buffer.from('MM\u0000*', 'latin1'), Buffer.from('WEBP-EXIF-SECRET', 'latin1')])),
    chunk('XMP ', Buffer.from('<x:xmpmeta>Merebrook-Secret-City</x:xmpmeta>', 'latin1')),
  ]);
  const out = Buffer.concat([Buffer.from('RIFF\u0000\u0000\u0000\u0000WEBP', 'latin1'), body]);
  out.writeUInt32LE(out.length - 8, 4);
  // VP8X flags (the first byte of its payload, at 12 + 8): EXIF 0x08, XMP 0x04.
  out[20] |= 0x0c;
  return out;
}

/** Whether any of the secrets is in the bytes. */
export function secretsIn(bytes: Buffer): string[] {
  const text = bytes.toString('latin1');
  return SECRETS.filter((s) => text.includes(s));
}
