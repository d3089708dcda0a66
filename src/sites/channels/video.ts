// A stored video as a source read in ranges (uploads resume without loading the file whole).
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../app/context.ts';
import { mediaDir } from '../media.ts';
import { mediaFiles } from '../schema.ts';
import type { PublishItem } from './channel.ts';

export async function videoSource(ctx: AppContext, mediaId: number): Promise<PublishItem['video']> {
  const [file] = await ctx.db.select().from(mediaFiles).where(eq(mediaFiles.id, mediaId));
  if (!file || file.kind !== 'video') return undefined;
  const full = path.join(mediaDir(ctx), file.file);
  const { size } = await stat(full);
  return {
    size,
    contentType: file.mime,
    async read(start, end) {
      const handle = await open(full, 'r');
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
