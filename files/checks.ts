/**
 * What a file is, by its first bytes (never by its name or the type it was sent as), and whether we
 * keep it: photos (JPEG, PNG, WebP) and PDF files from every channel, voice notes (Ogg, AAC, MP4 or
 * MPEG audio) where the channel sends them (WhatsApp), at most FILE_MAX_BYTES. HEIC is refused:
 * its location data sits in a container we do not rewrite (iPhones send JPEG to a web page and by
 * MMS). Reasons are written to finish "Sorry, I couldn't keep the photo you sent: …".
 */

export const FILE_MAX_BYTES = 10 * 1024 * 1024;
export const FILE_MAX_DESCRIPTION = '10 MB';

export type FileKind = 'photo' | 'file' | 'voice note';

export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const PHOTOS_AND_PDF: readonly string[] = [...PHOTO_TYPES, 'application/pdf'];
export const VOICE_NOTE_TYPES: readonly string[] = ['audio/ogg', 'audio/aac', 'audio/mp4', 'audio/mpeg'];

export const PHOTOS_AND_PDF_DESCRIPTION = 'photos (JPEG, PNG or WebP) and PDF files';

/** "image/jpeg; charset=x" is image/jpeg. */
export const baseType = (mime: string | undefined | null) => (mime ?? '').split(';')[0].trim().toLowerCase();

/** How a resident would name a kept type. */
export function kindOf(type: string): FileKind {
  return type.startsWith('image/') ? 'photo' : type.startsWith('audio/') ? 'voice note' : 'file';
}

/** How a resident would name what was sent, before we know what it is: from the type it was sent as. */
export function kindSentAs(declared: string | undefined | null): FileKind {
  const t = baseType(declared);
  return t.startsWith('image/') ? 'photo' : t.startsWith('audio/') ? 'voice note' : 'file';
}

/** ISO BMFF brands of HEIF/HEIC and AVIF stills (refused). */
const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1', 'avif', 'avis']);

/** The type the first bytes show: the kept ones, and some refused ones so the resident is told what they sent. */
export function sniffType(b: Buffer): string | undefined {
  const ascii = (from: number, to: number) => b.subarray(from, to).toString('latin1');
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (b.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  if (ascii(0, 5) === '%PDF-') return 'application/pdf';
  if (ascii(0, 4) === 'OggS') return 'audio/ogg';
  if (b.length >= 12 && ascii(4, 8) === 'ftyp') {
    const brand = ascii(8, 12);
    if (HEIF_BRANDS.has(brand)) return brand.startsWith('avi') ? 'image/avif' : 'image/heic';
    // Phones' videos are QuickTime; other MP4 brands are taken as audio (a voice note), as WhatsApp sends them.
    return brand === 'qt  ' ? 'video/quicktime' : 'audio/mp4';
  }
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return 'image/gif';
  if (ascii(0, 2) === 'BM' && b.length > 14) return 'image/bmp';
  if (ascii(0, 4) === 'II*\u0000' || ascii(0, 4) === 'MM\u0000*') return 'image/tiff';
  if (ascii(0, 4) === 'PK\u0003\u0004') return 'application/zip';
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return 'application/x-ole-storage';
  if (ascii(0, 3) === 'ID3') return 'audio/mpeg';
  if (b.length >= 2 && b[0] === 0xff && (b[1] & 0xe0) === 0xe0) return (b[1] & 0x06) === 0 ? 'audio/aac' : 'audio/mpeg';
  return undefined;
}

const NAMES: Record<string, string> = {
  'image/heic': 'an HEIC photo',
  'image/avif': 'an AVIF image',
  'image/gif': 'a GIF image',
  'image/bmp': 'a BMP image',
  'image/tiff': 'a TIFF image',
  'video/quicktime': 'a video',
  'application/zip': 'a Word, Excel or zip file',
  'application/x-ole-storage': 'an older Word or Excel file',
  'audio/ogg': 'a voice note',
  'audio/aac': 'a voice note',
  'audio/mp4': 'a voice note',
  'audio/mpeg': 'an audio file',
};

/** A refused type in a resident's words. */
export function describeType(type: string | undefined, declared?: string): string {
  const d = baseType(declared);
  if (d.startsWith('video/')) return 'a video';
  if (type && NAMES[type]) return NAMES[type];
  if (d === 'text/plain') return 'a text file';
  return 'a kind of file we cannot open';
}

export interface Checked {
  type: string;
  kind: FileKind;
}

export class FileRefused extends Error {
  constructor(
    readonly reason: string,
    /** 413 (too large) or 415 (a type we do not keep) or 422 (damaged), for an HTTP answer. */
    readonly status: 413 | 415 | 422,
  ) {
    super(reason);
    this.name = 'FileRefused';
  }
}

export function tooLarge(): FileRefused {
  return new FileRefused(`it is larger than ${FILE_MAX_DESCRIPTION}`, 413);
}

/**
 * What the bytes are, among `allowed`; refused with the reason otherwise. With `declared`
 * (a provider's mime type, as WhatsApp gives) a file must also be what it was sent as.
 */
export function checkFile(bytes: Buffer, options: { allowed?: readonly string[]; allowedDescription?: string; declared?: string; declaredMustMatch?: boolean; maxBytes?: number } = {}): Checked {
  const allowed = options.allowed ?? PHOTOS_AND_PDF;
  if (!bytes.length) throw new FileRefused('it is empty', 422);
  if (bytes.length > (options.maxBytes ?? FILE_MAX_BYTES)) throw tooLarge();
  const type = sniffType(bytes);
  if (!type || !allowed.includes(type)) throw new FileRefused(`it is ${describeType(type, options.declared)}, and we can only keep ${options.allowedDescription ?? PHOTOS_AND_PDF_DESCRIPTION}`, 415);
  if (options.declaredMustMatch && options.declared) {
    const d = baseType(options.declared);
    const audio = (t: string) => ['audio/mp4', 'audio/aac', 'audio/mpeg'].includes(t);
    if (d !== type && !(audio(d) && audio(type))) throw new FileRefused(`its content is not the ${d} it was sent as`, 415);
  }
  return { type, kind: kindOf(type) };
}
