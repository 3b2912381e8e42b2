import { type MediaKind, type MediaMimeType } from '@postplan/contracts';

/** How many leading bytes sniffing needs (the ISO BMFF brand, a WebM doctype). */
export const SNIFF_BYTES = 64;

export type Sniffed =
  | { ok: true; mimeType: MediaMimeType; kind: MediaKind }
  /** `detected`: a format we recognise but do not take (PDF, HEIC, SVG ...), or null. */
  | { ok: false; detected: string | null };

const startsWith = (buf: Buffer, bytes: readonly number[], at = 0) =>
  buf.length >= at + bytes.length && bytes.every((b, i) => buf[at + i] === b);
const ascii = (buf: Buffer, from: number, to: number) => buf.subarray(from, to).toString('latin1');

const QUICKTIME_BRANDS = new Set(['qt  ']);
const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);
const AVIF_BRANDS = new Set(['avif', 'avis']);

/**
 * The file's real format from its first bytes; the name and the client's Content-Type are
 * never trusted. JPEG, PNG, GIF and WebP images, MP4/MOV (ISO base media) and WebM videos are
 * taken; a few common others are named so the refusal can say what the file is.
 */
export function sniffMediaType(head: Buffer): Sniffed {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return image('image/jpeg');
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return image('image/png');
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a') return image('image/gif');
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return image('image/webp');
  if (head.length >= 12 && ascii(head, 4, 8) === 'ftyp') {
    const brand = ascii(head, 8, 12);
    if (HEIF_BRANDS.has(brand)) return { ok: false, detected: 'image/heic' };
    if (AVIF_BRANDS.has(brand)) return { ok: false, detected: 'image/avif' };
    if (QUICKTIME_BRANDS.has(brand)) return video('video/quicktime');
    return video('video/mp4');
  }
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) {
    // EBML: WebM names its doctype within the first bytes; other Matroska files say "matroska".
    return head.includes('webm', 0, 'latin1')
      ? video('video/webm')
      : { ok: false, detected: 'video/x-matroska' };
  }
  if (ascii(head, 0, 5) === '%PDF-') return { ok: false, detected: 'application/pdf' };
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a]))
    return { ok: false, detected: 'image/tiff' };
  if (ascii(head, 0, 2) === 'BM') return { ok: false, detected: 'image/bmp' };
  if (/^\s*(<\?xml[^>]*>\s*)?<svg/i.test(ascii(head, 0, head.length)))
    return { ok: false, detected: 'image/svg+xml' };
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'AVI ')
    return { ok: false, detected: 'video/x-msvideo' };
  return { ok: false, detected: null };
}

const image = (mimeType: MediaMimeType): Sniffed => ({ ok: true, mimeType, kind: 'image' });
const video = (mimeType: MediaMimeType): Sniffed => ({ ok: true, mimeType, kind: 'video' });

const BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  jpe: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  mov: 'video/quicktime',
  qt: 'video/quicktime',
  webm: 'video/webm',
  heic: 'image/heic',
  heif: 'image/heic',
  avif: 'image/avif',
  pdf: 'application/pdf',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  bmp: 'image/bmp',
  svg: 'image/svg+xml',
  mkv: 'video/x-matroska',
  avi: 'video/x-msvideo',
};

const ALIASES: Record<string, string> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'image/x-png': 'image/png',
  'video/x-m4v': 'video/mp4',
};

/** MP4 and QuickTime are one container family: phones name either file either way. */
const family = (mime: string) => (mime === 'video/quicktime' ? 'video/mp4' : mime);

/**
 * What the upload claims to be: the file name's extension first, then a specific
 * Content-Type of the part (browsers derive it from the extension; `application/octet-stream`
 * claims nothing). Returns the first claim that contradicts the detected type, or null.
 *
 * Decision (docs/media.md): a contradiction is refused with MEDIA_TYPE_MISMATCH rather than
 * stored under the real type, because a person who named a PNG ".jpg" may not know what they
 * upload, and platforms that re-check extensions would refuse it later.
 */
export function conflictingClaim(
  detected: string,
  fileName: string,
  contentType: string | undefined,
): string | null {
  const claims: string[] = [];
  const ext = /\.([A-Za-z0-9]{1,5})$/.exec(fileName)?.[1]?.toLowerCase();
  if (ext && BY_EXTENSION[ext]) claims.push(BY_EXTENSION[ext]);
  const declared = contentType?.split(';')[0]?.trim().toLowerCase();
  if (declared && /^(image|video)\//.test(declared)) claims.push(ALIASES[declared] ?? declared);
  return claims.find((claim) => family(claim) !== family(detected)) ?? null;
}

/** The extension a stored file gets, for downloads with a sensible name. */
export function extensionOf(mime: MediaMimeType): string {
  switch (mime) {
    case 'image/jpeg':
      return 'jpg';
    case 'image/png':
      return 'png';
    case 'image/gif':
      return 'gif';
    case 'image/webp':
      return 'webp';
    case 'video/mp4':
      return 'mp4';
    case 'video/quicktime':
      return 'mov';
    case 'video/webm':
      return 'webm';
  }
}

/**
 * Whether an ISO base media file (MP4/MOV) ends where its boxes say: each top-level box's
 * size must fit inside the file, and the file must hold a `moov` box. A cut-off download
 * fails this even when the part that arrived still probes.
 */
export function isoBmffComplete(
  size: number,
  readHeader: (offset: number) => Buffer,
): { complete: boolean; hasMoov: boolean } {
  let offset = 0;
  let hasMoov = false;
  while (offset < size) {
    if (size - offset < 8) return { complete: false, hasMoov };
    const h = readHeader(offset);
    let boxSize = h.readUInt32BE(0);
    const type = h.subarray(4, 8).toString('latin1');
    if (type === 'moov') hasMoov = true;
    if (boxSize === 1) {
      if (h.length < 16) return { complete: false, hasMoov };
      boxSize = Number(h.readBigUInt64BE(8));
    } else if (boxSize === 0) {
      boxSize = size - offset; // the box runs to the end of the file
    }
    if (boxSize < 8 || offset + boxSize > size) return { complete: false, hasMoov };
    offset += boxSize;
  }
  return { complete: hasMoov, hasMoov };
}
