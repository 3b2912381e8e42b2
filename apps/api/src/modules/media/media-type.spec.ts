import { conflictingClaim, isoBmffComplete, sniffMediaType } from './media-type';

const bytes = (...parts: (number[] | string)[]) =>
  Buffer.concat(
    parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))),
  );

describe('sniffMediaType: the format comes from the bytes, never the name', () => {
  it.each<[string, Buffer, string]>([
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'), 'image/jpeg'],
    ['PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'image/png'],
    ['GIF', bytes('GIF89a'), 'image/gif'],
    ['WebP', bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '), 'image/webp'],
    ['MP4', bytes([0, 0, 0, 0x18], 'ftypisom'), 'video/mp4'],
    ['MOV', bytes([0, 0, 0, 0x14], 'ftypqt  '), 'video/quicktime'],
    ['WebM', bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x84], 'webm'), 'video/webm'],
  ])('recognises %s', (_name, head, mime) => {
    expect(sniffMediaType(head)).toMatchObject({ ok: true, mimeType: mime });
  });

  it.each<[string, Buffer, string | null]>([
    ['a PDF', bytes('%PDF-1.7'), 'application/pdf'],
    ['a HEIC photo', bytes([0, 0, 0, 0x18], 'ftypheic'), 'image/heic'],
    [
      'an SVG',
      bytes('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg">'),
      'image/svg+xml',
    ],
    ['text', bytes('hello world, this is not an image'), null],
    ['nothing', Buffer.alloc(0), null],
  ])('refuses %s and names what it is', (_name, head, detected) => {
    expect(sniffMediaType(head)).toEqual({ ok: false, detected });
  });
});

describe('conflictingClaim: a name or type that contradicts the bytes', () => {
  it('catches a PNG renamed .jpg', () => {
    expect(conflictingClaim('image/png', 'foto.jpg', 'image/jpeg')).toBe('image/jpeg');
    expect(conflictingClaim('image/png', 'foto.JPG', 'application/octet-stream')).toBe(
      'image/jpeg',
    );
  });
  it('accepts matching names, no extension, and the MP4/MOV family either way', () => {
    expect(conflictingClaim('image/jpeg', 'foto.jpeg', 'image/jpg')).toBeNull();
    expect(conflictingClaim('image/png', 'screenshot', 'application/octet-stream')).toBeNull();
    expect(conflictingClaim('video/quicktime', 'IMG_0001.MP4', 'video/mp4')).toBeNull();
    expect(conflictingClaim('image/png', 'bericht.final', undefined)).toBeNull();
  });
  it('catches a declared type that contradicts even without an extension', () => {
    expect(conflictingClaim('image/gif', 'upload', 'image/png')).toBe('image/png');
  });
});

describe('isoBmffComplete: an MP4 ends where its boxes say', () => {
  const box = (type: string, size: number) => {
    const h = Buffer.alloc(16);
    h.writeUInt32BE(size, 0);
    h.write(type, 4, 'latin1');
    return h;
  };
  const file = (boxes: [string, number][]) => {
    const headers = new Map<number, Buffer>();
    let offset = 0;
    for (const [type, size] of boxes) {
      headers.set(offset, box(type, size));
      offset += size;
    }
    return { headers, size: offset };
  };

  it('accepts a whole file with a moov box', () => {
    const f = file([
      ['ftyp', 24],
      ['moov', 1000],
      ['mdat', 50_000],
    ]);
    expect(isoBmffComplete(f.size, (o) => f.headers.get(o)!)).toEqual({
      complete: true,
      hasMoov: true,
    });
  });
  it('refuses a file cut inside its last box', () => {
    const f = file([
      ['ftyp', 24],
      ['moov', 1000],
      ['mdat', 50_000],
    ]);
    expect(isoBmffComplete(f.size - 10_000, (o) => f.headers.get(o)!).complete).toBe(false);
  });
  it('refuses a file without a moov box (cut before the index was written)', () => {
    const f = file([
      ['ftyp', 24],
      ['mdat', 50_000],
    ]);
    expect(isoBmffComplete(f.size, (o) => f.headers.get(o)!)).toEqual({
      complete: false,
      hasMoov: false,
    });
  });
});
