import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rm, stat } from 'node:fs/promises';
import { type MediaKind, type MediaMimeType } from '@postplan/contracts';
import type sharpModule from 'sharp';
import type { Metadata } from 'sharp';
import { damaged, MediaError } from './media.errors';
import { isoBmffComplete } from './media-type';

/** sharp (native libvips) is loaded on the first upload: a worker never processes one. */
const sharp = (...args: Parameters<typeof sharpModule>): ReturnType<typeof sharpModule> =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('sharp') as typeof sharpModule)(...args);

/** What the probes measured on the finished file. */
export type ProcessedMedia = {
  path: string;
  thumbnailPath: string;
  bytes: number;
  sha256: string;
  width: number | null;
  height: number | null;
  durationMs: number | null;
  videoCodec: string | null;
};

export type ProcessorOptions = {
  maxPixels: number;
  ffprobePath: string;
  ffmpegPath: string;
};

export const THUMBNAIL_WIDTH = 480;
const TOOL_TIMEOUT_MS = 120_000;

/**
 * Turns a received upload into the file that is stored: images are decoded and written again
 * without their metadata (EXIF, GPS, camera serials go; the orientation is applied first),
 * videos are remuxed without metadata and probed with ffprobe. Both get a JPEG thumbnail.
 * Writes `<input>.out` and `<input>.thumb.jpg` beside the input; on failure removes both.
 */
export async function processMedia(
  input: string,
  kind: MediaKind,
  mimeType: MediaMimeType,
  options: ProcessorOptions,
): Promise<ProcessedMedia> {
  const out = `${input}.out`;
  const thumb = `${input}.thumb.jpg`;
  try {
    const measured =
      kind === 'image'
        ? await processImage(input, out, thumb, mimeType, options)
        : await processVideo(input, out, thumb, mimeType, options);
    const { size } = await stat(out);
    return {
      path: out,
      thumbnailPath: thumb,
      bytes: size,
      sha256: await sha256File(out),
      ...measured,
    };
  } catch (e) {
    await Promise.all([rm(out, { force: true }), rm(thumb, { force: true })]);
    throw e;
  }
}

async function processImage(
  input: string,
  out: string,
  thumb: string,
  mimeType: MediaMimeType,
  { maxPixels }: ProcessorOptions,
): Promise<Pick<ProcessedMedia, 'width' | 'height' | 'durationMs' | 'videoCodec'>> {
  const animated = mimeType === 'image/gif' || mimeType === 'image/webp';
  let meta: Metadata;
  try {
    // Reads the header only: the pixel count is known before anything is decoded.
    meta = await sharp(input, { limitInputPixels: false, animated }).metadata();
  } catch {
    throw damaged('unreadable');
  }
  const width = meta.width ?? null;
  const height = meta.pageHeight ?? meta.height ?? null;
  if (!width || !height) throw damaged('unreadable');
  if (width * (meta.height ?? height) > maxPixels) {
    throw new MediaError(
      'MEDIA_DIMENSIONS_TOO_LARGE',
      `The image has ${width} × ${height} pixels; at most ${maxPixels.toLocaleString('en')} pixels are taken.`,
      { width, height, maxPixels },
    );
  }
  if (!(await endsWhereFormatEnds(input, mimeType))) throw damaged('truncated');
  // failOn 'truncated': a file cut off before its end fails instead of decoding grey rows.
  const decoded = () =>
    sharp(input, { limitInputPixels: maxPixels, failOn: 'truncated', animated });
  // After .rotate() the stored file is upright, so its width and height are the ones shown.
  const quarterTurn = (meta.orientation ?? 1) >= 5;
  try {
    const pipeline = decoded().rotate();
    switch (mimeType) {
      case 'image/jpeg':
        await pipeline.jpeg({ quality: 92, chromaSubsampling: '4:4:4' }).toFile(out);
        break;
      case 'image/png':
        await pipeline.png({ compressionLevel: 6 }).toFile(out);
        break;
      case 'image/gif':
        await pipeline.gif().toFile(out);
        break;
      default:
        await pipeline.webp({ quality: 92 }).toFile(out);
    }
    await sharp(out, { limitInputPixels: maxPixels })
      .resize({
        width: THUMBNAIL_WIDTH,
        height: THUMBNAIL_WIDTH,
        fit: 'inside',
        withoutEnlargement: true,
      })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 80 })
      .toFile(thumb);
  } catch (e) {
    if (e instanceof MediaError) throw e;
    const message = e instanceof Error ? e.message : String(e);
    throw damaged(/truncat|premature|unexpected end/i.test(message) ? 'truncated' : 'unreadable');
  }
  return {
    width: quarterTurn ? height : width,
    height: quarterTurn ? width : height,
    durationMs: null,
    videoCodec: null,
  };
}

type ProbeStream = {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  duration?: string;
  tags?: { rotate?: string };
  side_data_list?: { rotation?: number }[];
};
type Probe = { streams?: ProbeStream[]; format?: { duration?: string } };

async function processVideo(
  input: string,
  out: string,
  thumb: string,
  mimeType: MediaMimeType,
  options: ProcessorOptions,
): Promise<Pick<ProcessedMedia, 'width' | 'height' | 'durationMs' | 'videoCodec'>> {
  if (mimeType !== 'video/webm') await assertCompleteIsoFile(input);
  const probe = await ffprobe(input, options.ffprobePath);
  const stream = probe.streams?.find((s) => s.codec_type === 'video');
  if (!stream || !stream.width || !stream.height) {
    throw new MediaError('MEDIA_TYPE_UNSUPPORTED', 'The file holds no video picture.', {
      detected: probe.streams?.some((s) => s.codec_type === 'audio') ? 'audio' : null,
    });
  }
  const seconds = Number(probe.format?.duration ?? stream.duration);
  if (!Number.isFinite(seconds) || seconds <= 0) throw damaged('unreadable');
  const rotation = Math.abs(
    Number(
      stream.side_data_list?.find((d) => d.rotation !== undefined)?.rotation ??
        stream.tags?.rotate ??
        0,
    ),
  );
  const sideways = rotation % 180 === 90;
  const format =
    mimeType === 'video/webm' ? 'webm' : mimeType === 'video/quicktime' ? 'mov' : 'mp4';
  await run(options.ffmpegPath, 'ffmpeg', [
    '-v',
    'error',
    '-nostdin',
    '-y',
    '-i',
    input,
    '-map',
    '0',
    '-map_metadata',
    '-1',
    '-c',
    'copy',
    ...(format === 'webm' ? [] : ['-movflags', '+faststart']),
    '-f',
    format,
    out,
  ]);
  const at = Math.min(1, seconds / 2).toFixed(3);
  await run(options.ffmpegPath, 'ffmpeg', [
    '-v',
    'error',
    '-nostdin',
    '-y',
    '-ss',
    at,
    '-i',
    out,
    '-frames:v',
    '1',
    '-vf',
    `scale='min(${THUMBNAIL_WIDTH},iw)':-2`,
    '-q:v',
    '4',
    '-f',
    'image2',
    thumb,
  ]);
  return {
    width: sideways ? stream.height : stream.width,
    height: sideways ? stream.width : stream.height,
    durationMs: Math.round(seconds * 1000),
    videoCodec: stream.codec_name ?? null,
  };
}

/**
 * Whether an image file ends with its format's end marker: PNG's IEND chunk, JPEG's EOI, GIF's
 * trailer, or the length WebP's RIFF header promises. Catches a cut-off upload even when the
 * decoder would fill the missing rows with grey.
 */
async function endsWhereFormatEnds(path: string, mimeType: MediaMimeType): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const tail = Buffer.alloc(Math.min(64, size));
    await handle.read(tail, 0, tail.length, size - tail.length);
    switch (mimeType) {
      case 'image/png':
        return tail.includes(Buffer.from([0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]));
      case 'image/jpeg':
        // Some cameras pad after the end marker; the marker must still be there.
        return tail.includes(Buffer.from([0xff, 0xd9]));
      case 'image/gif':
        return tail.subarray(tail.length - 8).includes(0x3b);
      case 'image/webp': {
        const head = Buffer.alloc(8);
        await handle.read(head, 0, 8, 0);
        return head.readUInt32LE(4) + 8 <= size;
      }
      default:
        return true;
    }
  } finally {
    await handle.close();
  }
}

async function assertCompleteIsoFile(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const headers = new Map<number, Buffer>();
    // Top-level boxes are few; their 16-byte headers are read one by one.
    const offsets: number[] = [];
    let offset = 0;
    for (let i = 0; i < 10_000 && offset < size; i++) {
      const buf = Buffer.alloc(16);
      const { bytesRead } = await handle.read(buf, 0, 16, offset);
      headers.set(offset, buf.subarray(0, bytesRead));
      offsets.push(offset);
      let boxSize = bytesRead >= 8 ? buf.readUInt32BE(0) : 0;
      if (boxSize === 1 && bytesRead >= 16) boxSize = Number(buf.readBigUInt64BE(8));
      if (boxSize === 0) boxSize = size - offset;
      if (boxSize < 8) break;
      offset += boxSize;
    }
    const { complete, hasMoov } = isoBmffComplete(size, (at) => headers.get(at) ?? Buffer.alloc(0));
    if (!complete) throw damaged(hasMoov || size > 0 ? 'truncated' : 'unreadable');
  } finally {
    await handle.close();
  }
}

async function ffprobe(path: string, ffprobePath: string): Promise<Probe> {
  const stdout = await run(ffprobePath, 'ffprobe', [
    '-v',
    'error',
    '-print_format',
    'json',
    '-show_format',
    '-show_streams',
    path,
  ]);
  try {
    return JSON.parse(stdout) as Probe;
  } catch {
    throw damaged('unreadable');
  }
}

function run(command: string, tool: 'ffprobe' | 'ffmpeg', args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { timeout: TOOL_TIMEOUT_MS, maxBuffer: 8 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          return reject(
            new MediaError(
              'MEDIA_PROCESSING_UNAVAILABLE',
              `${tool} is not installed at ${command}; videos cannot be checked.`,
              { tool },
            ),
          );
        }
        reject(
          damaged(
            /truncat|end of file|moov atom not found/i.test(stderr) ? 'truncated' : 'unreadable',
          ),
        );
      },
    );
  });
}

export function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}
