// Analysis in parallel for big imports: worker threads each hold the models and analyse batches while
// the main thread clusters and writes the previous ones. Small imports analyse inline.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AnalyzerModels } from '@nhipcau/text-vi';
import { analyzePost, type PostAnalysis } from '../analysis.ts';

export type AnalysisResult = PostAnalysis | { error: string };

export interface Analysis {
  analyze(texts: string[], sources: string[]): Promise<AnalysisResult[]>;
  close(): Promise<void>;
}

/** Analyses on the calling thread. */
export function inlineAnalysis(models: AnalyzerModels): Analysis {
  return {
    async analyze(texts, sources) {
      return texts.map((t, i) => {
        try {
          return analyzePost(t, models, { source: sources[i] });
        } catch (e) {
          return { error: (e as Error).message };
        }
      });
    },
    async close() {},
  };
}

export function defaultWorkers(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

/** `size` worker threads; batches go to the least busy one. */
export async function workerAnalysis(size: number, installation: { sentimentModel?: Uint8Array; topicModel?: Uint8Array } = {}): Promise<Analysis> {
  const workers = await Promise.all(
    Array.from({ length: size }, () => {
      const worker = new Worker(new URL('./analysis-worker.mjs', import.meta.url), { workerData: installation });
      return new Promise<{ worker: Worker; busy: number; waiting: Map<number, { resolve: (r: AnalysisResult[]) => void; reject: (e: Error) => void }> }>((resolve, reject) => {
        const waiting = new Map<number, { resolve: (r: AnalysisResult[]) => void; reject: (e: Error) => void }>();
        const state = { worker, busy: 0, waiting };
        worker.on('message', (m: { ready?: boolean; id?: number; out?: AnalysisResult[] }) => {
          if (m.ready) return resolve(state);
          const w = waiting.get(m.id as number);
          waiting.delete(m.id as number);
          state.busy--;
          w?.resolve(m.out as AnalysisResult[]);
        });
        worker.once('error', (e) => {
          reject(e);
          for (const w of waiting.values()) w.reject(e);
          waiting.clear();
        });
      });
    }),
  );
  let next = 0;
  return {
    analyze(texts, sources) {
      const w = workers.reduce((a, b) => (b.busy < a.busy ? b : a));
      const id = next++;
      w.busy++;
      return new Promise((resolve, reject) => {
        w.waiting.set(id, { resolve, reject });
        w.worker.postMessage({ id, texts, sources });
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.worker.terminate()));
    },
  };
}
