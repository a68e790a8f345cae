import { FileRefused } from './checks.js';

/**
 * Metadata taken out of photos before they are kept: where a photo was taken (GPS), the camera and
 * phone, times, names and comments ride in JPEG APP segments (EXIF and XMP in APP1, IPTC in APP13,
 * others in APP3–APP15, comments in COM), PNG chunks (tEXt, zTXt, iTXt, eXIf, tIME) and WebP chunks
 * (EXIF, XMP). The image data is copied as it is: a JPEG's segments are walked to the end of the
 * image (so data appended after it, such as a second picture with its own EXIF, goes too), keeping
 * only what decoding needs: JFIF (APP0), the ICC colour profile (APP2 ICC_PROFILE), Adobe's colour
 * transform (APP14), and the EXIF orientation, rewritten alone, so a phone photo is not shown on
 * its side. A photo cut short is kept as far as it goes (its last, partial segment only if it is of a
 * kind we keep: nothing unread can hide after it); one whose structure does not hold together is
 * refused as damaged: what cannot be walked cannot be cleaned. A PDF's document information (author,
 * title, software, dates) and XMP packet, where they are not compressed, are blanked in place: the
 * same bytes replaced by spaces, so every offset in its cross-reference table still holds. Voice
 * notes are kept as they are.
 */

export interface Stripped {
  bytes: Buffer;
  /** What was taken out, in words for agents and the record ("GPS location", "XMP"...); empty when nothing. */
  removed: string[];
}

const damaged = () => new FileRefused('it looks damaged or incomplete', 422);

export function stripMetadata(bytes: Buffer, type: string): Stripped {
  if (type === 'image/jpeg') return stripJpeg(bytes);
  if (type === 'image/png') return stripPng(bytes);
  if (type === 'image/webp') return stripWebp(bytes);
  if (type === 'application/pdf') return blankPdfMetadata(bytes);
  return { bytes, removed: [] };
}

// ---- PDF

const PDF_INFO_KEYS: Record<string, string> = {
  Author: "author's name",
  Creator: 'the software that made it',
  Producer: 'the software that made it',
  Title: 'title',
  Subject: 'subject',
  Keywords: 'keywords',
  CreationDate: 'dates',
  ModDate: 'dates',
};
const SPACE = 0x20;

/** Blanks `/Key (literal)` or `/Key <hex>` values of the document information keys, and `<x:xmpmeta …</x:xmpmeta>`. */
function blankPdfMetadata(input: Buffer): Stripped {
  const out = Buffer.from(input);
  const text = out.toString('latin1');
  const removed = new Set<string>();
  const key = /\/(Author|Creator|Producer|Title|Subject|Keywords|CreationDate|ModDate)\s*([(<])/g;
  for (let m = key.exec(text); m; m = key.exec(text)) {
    const open = m.index + m[0].length - 1;
    const end = m[2] === '(' ? literalEnd(out, open) : out.indexOf(0x3e, open + 1);
    if (end < 0) continue;
    // A hex string stays hex (each pair "20", a space); a literal string's bytes become spaces.
    for (let i = open + 1; i < end; i++) out[i] = m[2] === '(' ? SPACE : (i - open) % 2 === 1 ? 0x32 : 0x30;
    if (end > open + 1) removed.add(PDF_INFO_KEYS[m[1]]);
    key.lastIndex = end;
  }
  for (let from = text.indexOf('<x:xmpmeta'); from >= 0; from = text.indexOf('<x:xmpmeta', from + 1)) {
    const close = text.indexOf('</x:xmpmeta>', from);
    if (close < 0) break;
    out.fill(SPACE, from, close + '</x:xmpmeta>'.length);
    removed.add('XMP');
  }
  return { bytes: out, removed: [...removed] };
}

/** The index of the `)` closing the literal string opened at `open` (nested pairs and backslash escapes kept), or -1. */
function literalEnd(b: Buffer, open: number): number {
  let depth = 0;
  for (let i = open; i < b.length; i++) {
    if (b[i] === 0x5c) i++;
    else if (b[i] === 0x28) depth++;
    else if (b[i] === 0x29 && --depth === 0) return i;
  }
  return -1;
}

// ---- JPEG

/** What an EXIF block holds that a resident would care about, and its orientation (1 when none). */
export function readExif(tiff: Buffer): { orientation: number; holds: string[] } {
  const holds = new Set<string>();
  let orientation = 1;
  try {
    const le = tiff.toString('latin1', 0, 2) === 'II';
    if (!le && tiff.toString('latin1', 0, 2) !== 'MM') return { orientation, holds: [] };
    const u16 = (o: number) => (le ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o));
    const u32 = (o: number) => (le ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o));
    const ifd = u32(4);
    const count = u16(ifd);
    for (let i = 0; i < count; i++) {
      const e = ifd + 2 + i * 12;
      const tag = u16(e);
      if (tag === 0x0112) orientation = u16(e + 8);
      else if (tag === 0x8825) holds.add('GPS location');
      else if (tag === 0x010f || tag === 0x0110) holds.add('camera make and model');
      else if (tag === 0x0132) holds.add('date and time');
      else if (tag === 0x013b || tag === 0x8298) holds.add("author's name");
      else if (tag === 0x8769) holds.add('camera settings');
    }
  } catch {
    // A broken EXIF block is dropped whole all the same.
  }
  return { orientation: orientation >= 1 && orientation <= 8 ? orientation : 1, holds: [...holds] };
}

/** An APP1 segment holding only an EXIF orientation (big-endian TIFF, one IFD entry). */
function orientationSegment(orientation: number): Buffer {
  const payload = Buffer.alloc(6 + 8 + 2 + 12 + 4);
  payload.write('Exif\u0000\u0000', 0, 'latin1');
  payload.write('MM\u0000*', 6, 'latin1');
  payload.writeUInt32BE(8, 10);
  payload.writeUInt16BE(1, 14);
  payload.writeUInt16BE(0x0112, 16); // Orientation
  payload.writeUInt16BE(3, 18); // SHORT
  payload.writeUInt32BE(1, 20); // one value
  payload.writeUInt16BE(orientation, 24);
  payload.writeUInt32BE(0, 28); // no next IFD
  const head = Buffer.from([0xff, 0xe1, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

const startsWith = (b: Buffer, at: number, s: string) => b.toString('latin1', at, at + s.length) === s;

/** Whether a JPEG segment (marker, payload) is one we keep. */
function keptJpegSegment(marker: number, payload: Buffer): boolean {
  if (marker === 0xe0) return startsWith(payload, 0, 'JFIF\u0000') || startsWith(payload, 0, 'JFXX\u0000');
  if (marker === 0xe2) return startsWith(payload, 0, 'ICC_PROFILE\u0000');
  if (marker === 0xee) return startsWith(payload, 0, 'Adobe');
  return !(marker >= 0xe1 && marker <= 0xef) && marker !== 0xfe;
}

function droppedJpegSegment(marker: number, payload: Buffer, removed: Set<string>): void {
  if (marker === 0xe1) {
    if (startsWith(payload, 0, 'Exif\u0000')) {
      const exif = readExif(payload.subarray(6));
      removed.add(exif.holds.length ? `EXIF (${exif.holds.join(', ')})` : 'EXIF');
    } else if (startsWith(payload, 0, 'http://ns.adobe.com/xap/1.0/') || startsWith(payload, 0, 'http://ns.adobe.com/xmp/extension/')) removed.add('XMP');
    else removed.add('APP1 metadata');
  } else if (marker === 0xe2) removed.add(startsWith(payload, 0, 'MPF\u0000') ? 'extra pictures (MPF)' : 'APP2 metadata');
  else if (marker === 0xed) removed.add('IPTC (APP13)');
  else if (marker === 0xfe) removed.add('comment');
  else removed.add(`APP${marker - 0xe0} metadata`);
}

export function stripJpeg(b: Buffer): Stripped {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) throw damaged();
  const out: Buffer[] = [b.subarray(0, 2)];
  const removed = new Set<string>();
  let i = 2;
  while (i < b.length) {
    if (b[i] !== 0xff) throw damaged();
    while (i < b.length && b[i] === 0xff) i++; // fill bytes
    if (i >= b.length) break;
    const marker = b[i];
    const at = i - 1;
    i++;
    if (marker === 0xd9) {
      out.push(Buffer.from([0xff, 0xd9]));
      if (i < b.length) removed.add('data after the image');
      break;
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      out.push(Buffer.from([0xff, marker]));
      continue;
    }
    if (i + 2 > b.length) break; // cut short in a marker: nothing of it is kept
    const length = b.readUInt16BE(i);
    if (length < 2) throw damaged();
    const payload = b.subarray(i + 2, Math.min(b.length, i + length));
    if (i + length > b.length) {
      // Cut short inside this segment: the part there is, if it is of a kind we keep.
      if (keptJpegSegment(marker, payload)) out.push(b.subarray(at));
      else droppedJpegSegment(marker, payload, removed);
      break;
    }
    const segment = b.subarray(at, i + length);
    i += length;
    if (marker === 0xda) {
      // Start of scan: the entropy-coded data runs to the next marker (0xFF not followed by 0x00, a restart or fill).
      let j = i;
      while (j < b.length) {
        if (b[j] === 0xff && j + 1 < b.length) {
          const next = b[j + 1];
          if (next !== 0x00 && !(next >= 0xd0 && next <= 0xd7) && next !== 0xff) break;
        }
        j++;
      }
      out.push(segment, b.subarray(i, j));
      i = j;
      continue;
    }
    if (keptJpegSegment(marker, payload)) {
      out.push(segment);
      continue;
    }
    droppedJpegSegment(marker, payload, removed);
    // The orientation alone survives, so the photo is shown the right way up.
    if (marker === 0xe1 && startsWith(payload, 0, 'Exif\u0000')) {
      const { orientation } = readExif(payload.subarray(6));
      if (orientation !== 1) out.push(orientationSegment(orientation));
    }
  }
  return { bytes: Buffer.concat(out), removed: [...removed] };
}

// ---- PNG

const PNG_DROPPED = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']);

export function stripPng(b: Buffer): Stripped {
  if (b.length < 8) throw damaged();
  const out: Buffer[] = [b.subarray(0, 8)];
  const removed = new Set<string>();
  let i = 8;
  while (i + 8 <= b.length) {
    const length = b.readUInt32BE(i);
    const type = b.toString('latin1', i + 4, i + 8);
    if (!/^[A-Za-z]{4}$/.test(type)) throw damaged();
    const dropped = PNG_DROPPED.has(type);
    if (dropped) removed.add(type === 'eXIf' ? 'EXIF' : type === 'tIME' ? 'time' : 'text');
    if (i + 12 + length > b.length) {
      // Cut short inside this chunk: the part there is, unless it is one we take out.
      if (!dropped) out.push(b.subarray(i));
      i = b.length;
      break;
    }
    const chunk = b.subarray(i, i + 12 + length);
    i += 12 + length;
    if (dropped) continue;
    out.push(chunk);
    if (type === 'IEND') {
      if (i < b.length) removed.add('data after the image');
      break;
    }
  }
  return { bytes: Buffer.concat(out), removed: [...removed] };
}

// ---- WebP

export function stripWebp(b: Buffer): Stripped {
  if (b.length < 12 || b.toString('latin1', 0, 4) !== 'RIFF' || b.toString('latin1', 8, 12) !== 'WEBP') throw damaged();
  const end = Math.min(b.length, 8 + b.readUInt32LE(4));
  const chunks: Buffer[] = [];
  const removed = new Set<string>();
  let i = 12;
  while (i < end) {
    if (i + 8 > end) throw damaged();
    const fourcc = b.toString('latin1', i, i + 4);
    const size = b.readUInt32LE(i + 4);
    const padded = size + (size & 1);
    if (i + 8 + size > end) throw damaged();
    const chunk = Buffer.from(b.subarray(i, Math.min(end, i + 8 + padded)));
    i += 8 + padded;
    if (fourcc === 'EXIF' || fourcc === 'XMP ') {
      removed.add(fourcc === 'EXIF' ? 'EXIF' : 'XMP');
      continue;
    }
    chunks.push(chunk);
  }
  if (!chunks.length) throw damaged();
  if (removed.size) {
    // VP8X announces EXIF (0x08) and XMP (0x04) chunks: no longer there.
    const vp8x = chunks.find((c) => c.toString('latin1', 0, 4) === 'VP8X');
    if (vp8x && vp8x.length > 8) vp8x[8] &= ~0x0c;
  }
  const body = Buffer.concat(chunks);
  const head = Buffer.alloc(12);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(4 + body.length, 4);
  head.write('WEBP', 8, 'latin1');
  if (b.length > end) removed.add('data after the image');
  return { bytes: Buffer.concat([head, body]), removed: [...removed] };
}
