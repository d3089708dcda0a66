// A worker thread of the import: analyses batches of texts with the shipped models plus the
// installation's own (sent as bytes), and answers with what the desk stores and clusters.
import { parentPort, workerData } from 'node:worker_threads';
import { deserializeModel } from '@nhipcau/text-vi';
import { loadAnalyzer } from '@nhipcau/text-vi/node';
import { analyzePost, type PostAnalysis } from '../analysis.ts';

interface Data {
  sentimentModel?: Uint8Array;
  topicModel?: Uint8Array;
}

const data = (workerData ?? {}) as Data;
const models = loadAnalyzer();
if (data.sentimentModel) models.sentimentModel = deserializeModel(data.sentimentModel);
if (data.topicModel) models.topicModel = { model: deserializeModel(data.topicModel), threshold: 0.6 };

parentPort?.on('message', (msg: { id: number; texts: string[]; sources: string[] }) => {
  const out: Array<PostAnalysis | { error: string }> = msg.texts.map((text, i) => {
    try {
      return analyzePost(text, models, { source: msg.sources[i] });
    } catch (e) {
      return { error: (e as Error).message };
    }
  });
  parentPort?.postMessage({ id: msg.id, out });
});
parentPort?.postMessage({ ready: true });
