import { type CheckedMedia, checkMedia } from './media-check';
import { ADAPTER_LIMITS } from './limits';

const image = (over: Partial<CheckedMedia> = {}): CheckedMedia => ({
  id: 'm1',
  kind: 'image',
  mimeType: 'image/jpeg',
  bytes: 500_000,
  width: 1080,
  height: 1080,
  durationMs: null,
  altText: 'Ein Bild',
  ...over,
});
const video = (over: Partial<CheckedMedia> = {}): CheckedMedia =>
  image({ id: 'v1', kind: 'video', mimeType: 'video/mp4', durationMs: 30_000, ...over });

describe('checkMedia: what a platform would refuse, from its limits as data', () => {
  it('takes what fits', () => {
    expect(checkMedia('instagram', ADAPTER_LIMITS.instagram, [image()])).toEqual([]);
  });

  it('names the platform and both sizes when an image is too large', () => {
    const [p] = checkMedia('bluesky', ADAPTER_LIMITS.bluesky, [image({ bytes: 2_400_000 })]);
    expect(p).toMatchObject({ rule: 'image_size', mediaId: 'm1' });
    expect(p!.messages.en).toBe('Bluesky takes images up to 1 MB; this file has 2.4 MB.');
    expect(p!.messages.de).toBe('Bluesky nimmt Bilder bis 1 MB; diese Datei hat 2,4 MB.');
  });

  it('counts, requires, and checks formats', () => {
    const five = Array.from({ length: 5 }, (_, i) => image({ id: `m${i}` }));
    expect(checkMedia('x', ADAPTER_LIMITS.x, five).map((p) => p.rule)).toEqual(['count']);
    expect(checkMedia('instagram', ADAPTER_LIMITS.instagram, []).map((p) => p.rule)).toEqual([
      'required',
    ]);
    expect(
      checkMedia('facebook', ADAPTER_LIMITS.facebook, [image({ mimeType: 'image/webp' })]).map(
        (p) => p.rule,
      ),
    ).toEqual(['format']);
  });

  it('checks the aspect ratio per kind: Instagram feed images 4:5 to 1.91:1', () => {
    expect(
      checkMedia('instagram', ADAPTER_LIMITS.instagram, [image({ width: 1080, height: 1350 })]),
    ).toEqual([]);
    const tall = checkMedia('instagram', ADAPTER_LIMITS.instagram, [
      image({ width: 1080, height: 1920 }),
    ]);
    expect(tall.map((p) => p.rule)).toEqual(['aspect_ratio']);
    expect(tall[0]!.messages.en).toContain('1:1.25 to 1.91:1');
    // X takes any image shape; only its videos have a range.
    expect(checkMedia('x', ADAPTER_LIMITS.x, [image({ width: 1080, height: 4000 })])).toEqual([]);
    expect(
      checkMedia('x', ADAPTER_LIMITS.x, [video({ width: 1080, height: 4000 })]).map((p) => p.rule),
    ).toEqual(['aspect_ratio']);
  });

  it('checks video length: X takes 140 s', () => {
    const [p] = checkMedia('x', ADAPTER_LIMITS.x, [video({ durationMs: 60_000 * 3 })]);
    expect(p).toMatchObject({ rule: 'video_duration' });
    expect(p!.messages.en).toBe('X takes videos up to 140 s; this one runs 3 minutes.');
  });

  it('asks for alt text only where the workspace requires it', () => {
    const bare = image({ altText: '  ' });
    expect(checkMedia('linkedin', ADAPTER_LIMITS.linkedin, [bare])).toEqual([]);
    expect(
      checkMedia('linkedin', ADAPTER_LIMITS.linkedin, [bare], { altTextRequired: true }).map(
        (p) => p.rule,
      ),
    ).toEqual(['alt_text']);
  });
});
