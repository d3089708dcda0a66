// VideoSources for uploads: bytes in memory, or a file read in ranges (never loaded whole).
import { open, stat } from 'node:fs/promises';
import type { VideoSource } from './types.ts';

export function videoFromBytes(bytes: Uint8Array, contentType = 'video/mp4'): VideoSource {
  return { size: bytes.byteLength, contentType, read: async (start, end) => bytes.subarray(start, end) };
}

export async function videoFromFile(path: string, contentType = 'video/mp4'): Promise<VideoSource> {
  const { size } = await stat(path);
  return {
    size,
    contentType,
    async read(start, end) {
      const handle = await open(path, 'r');
      try {
        const buffer = Buffer.alloc(end - start);
        const { bytesRead } = await handle.read(buffer, 0, end - start, start);
        return buffer.subarray(0, bytesRead);
      } finally {
        await handle.close();
      }
    },
  };
}
