// videos.insert through the resumable protocol: initiate (POST …/videos?uploadType=resumable with the
// metadata) → session URL in Location → PUT chunks with Content-Range. 308 means incomplete (Range: bytes=0-N
// says what the server holds), 200/201 means done (the video resource). After 429, 5xx, a timeout or a
// dropped connection the upload asks the server what it holds (PUT with Content-Range: bytes */total) and
// continues from there, up to maxChunkRetries in a row. A session URL can be stored and resumed later.
import { BadRequest, RateLimited, Unavailable } from '../errors.ts';
import type { HttpResponse } from '../http.ts';
import type { VideoSource } from '../types.ts';
import { type UploadedVideo, type VideoMetadata, watchUrl, type YouTubeData } from './client.ts';

export interface UploadOptions {
  /** Called with the session URL before any byte is sent, so an interrupted upload can be resumed. */
  onSession?(sessionUrl: string): void | Promise<void>;
  onProgress?(sentBytes: number, totalBytes: number): void;
}

/** Starts a resumable upload session (charges videos.insert) and returns its URL. */
export async function startUpload(yt: YouTubeData, meta: VideoMetadata, video: Pick<VideoSource, 'size' | 'contentType'>): Promise<string> {
  yt.validateMetadata(meta);
  if (video.size <= 0) throw new BadRequest({ source: 'youtube', code: 'mediaBodyRequired', platformMessage: 'the video is empty' });
  const res = await yt.charged('videos.insert', () =>
    yt.send({
      method: 'POST',
      url: `${yt.uploadBaseUrl}/videos`,
      needsToken: true,
      query: { uploadType: 'resumable', part: 'snippet,status', notifySubscribers: meta.notifySubscribers === undefined ? undefined : String(meta.notifySubscribers) },
      headers: { 'content-type': 'application/json; charset=UTF-8', 'x-upload-content-length': String(video.size), 'x-upload-content-type': video.contentType },
      json: {
        snippet: { title: meta.title, description: meta.description ?? '', tags: meta.tags, categoryId: meta.categoryId },
        status: { privacyStatus: meta.privacyStatus, selfDeclaredMadeForKids: meta.madeForKids ?? false },
      },
    }),
  );
  const location = res.headers.get('location');
  if (!location) throw new Unavailable({ source: 'youtube', platformMessage: 'no upload session URL in the answer' }, 'unexpected response');
  return location;
}

/** Sends the bytes of a session, from wherever the server says it is when `fresh` is false. */
export async function resumeUpload(yt: YouTubeData, sessionUrl: string, video: VideoSource, options: UploadOptions & { fresh?: boolean } = {}): Promise<UploadedVideo> {
  const maxRetries = yt.config.maxChunkRetries ?? 5;
  const baseMs = yt.config.retryBaseMs ?? 1000;
  const sleep = yt.config.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let offset: number | 'unknown' = options.fresh ? 0 : 'unknown';
  let failures = 0;
  for (;;) {
    try {
      let res: HttpResponse;
      if (offset === 'unknown') {
        res = await put(yt, sessionUrl, video, new Uint8Array(0), `bytes */${video.size}`);
      } else {
        if (offset >= video.size) throw new Unavailable({ source: 'youtube', platformMessage: 'the server holds every byte but has not finished the upload' }, 'upload incomplete');
        const end = Math.min(offset + yt.chunkSize, video.size);
        res = await put(yt, sessionUrl, video, await video.read(offset, end), `bytes ${offset}-${end - 1}/${video.size}`);
      }
      const next = interpret(res);
      if (typeof next !== 'number') return next;
      offset = next;
      failures = 0;
      options.onProgress?.(offset, video.size);
    } catch (e) {
      if (!(e instanceof RateLimited || e instanceof Unavailable) || ++failures > maxRetries) throw e;
      await sleep(e.retryAfterMs ?? baseMs * 2 ** (failures - 1));
      offset = 'unknown';
    }
  }
}

/** Initiates and completes an upload. */
export async function uploadVideo(yt: YouTubeData, meta: VideoMetadata, video: VideoSource, options: UploadOptions = {}): Promise<UploadedVideo> {
  const sessionUrl = await startUpload(yt, meta, video);
  await options.onSession?.(sessionUrl);
  return resumeUpload(yt, sessionUrl, video, { ...options, fresh: true });
}

function put(yt: YouTubeData, sessionUrl: string, video: VideoSource, bytes: Uint8Array, range: string): Promise<HttpResponse> {
  return yt.send({
    method: 'PUT',
    url: sessionUrl,
    needsToken: true,
    headers: { 'content-type': video.contentType, 'content-range': range },
    body: bytes,
    accept: [308],
    timeoutMs: yt.config.chunkTimeoutMs ?? 120_000,
  });
}

/** The uploaded video (200/201), or the next byte to send (308). */
function interpret(res: HttpResponse): UploadedVideo | number {
  if (res.status === 308) {
    const match = /bytes=0-(\d+)/.exec(res.headers.get('range') ?? '');
    return match ? Number(match[1]) + 1 : 0;
  }
  const data = res.data as { id?: string; status?: { privacyStatus?: string } } | undefined;
  if (!data?.id) throw new Unavailable({ source: 'youtube', platformMessage: 'upload finished without a video id' }, 'unexpected response', true);
  return { id: data.id, url: watchUrl(data.id), privacyStatus: data.status?.privacyStatus };
}
