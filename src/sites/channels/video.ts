// A stored video as a source read in ranges (uploads resume without loading the file whole).
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../app/context.ts';
import { mediaDir } from '../media.ts';
import { mediaFiles } from '../schema.ts';
import { videoFromFile, type VideoSource } from '../../connectors/index.ts';

export async function videoSource(ctx: AppContext, mediaId: number): Promise<VideoSource | undefined> {
  const [file] = await ctx.db.select().from(mediaFiles).where(eq(mediaFiles.id, mediaId));
  if (!file || file.kind !== 'video') return undefined;
  return videoFromFile(path.join(mediaDir(ctx), file.file), file.mime);
}
