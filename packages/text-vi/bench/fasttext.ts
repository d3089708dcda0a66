// fastText (WASM build) as the baseline for the classifier benchmark. Trains in memory from a
// data: URL, so it needs no network and no temporary files.
import { getFastTextClass, getFastTextModule } from 'fasttext.wasm.js';

export interface FastTextParams {
  epoch: number;
  wordNgrams: number;
  lr: number;
  dim: number;
  bucket: number;
  minCount: number;
  minn: number;
  maxn: number;
  loss: 'softmax' | 'hs' | 'ns' | 'ova';
  seed: number;
}

/** fastText's own `supervised` defaults (the WASM wrapper's Args start from the unsupervised ones),
 *  with the baseline settings epoch 25, wordNgrams 2 and the WASM-safe bucket count. */
export const BASELINE_FASTTEXT: FastTextParams = {
  epoch: 25, wordNgrams: 2, lr: 0.1, dim: 100, bucket: 200_000, minCount: 1, minn: 0, maxn: 0, loss: 'softmax', seed: 0,
};

export interface FastTextClassifier {
  predict(text: string): string;
}

/** fastText labels cannot hold spaces; they are encoded and decoded here. */
const toLabel = (label: string): string => `__label__${label.replace(/ /g, '_')}`;

export async function trainFastText(
  examples: readonly { text: string; label: string }[],
  params: FastTextParams = BASELINE_FASTTEXT,
): Promise<FastTextClassifier> {
  const byEncoded = new Map(examples.map((e) => [toLabel(e.label), e.label]));
  const body = examples.map((e) => `${toLabel(e.label)} ${e.text.replace(/\s+/g, ' ')}`).join('\n') + '\n';
  const FastText = await getFastTextClass({ getFastTextModule });
  const ft = new FastText();
  const url = `data:text/plain;base64,${Buffer.from(body, 'utf8').toString('base64')}`;
  const model = (await ft.trainSupervised(url, { ...params, verbose: 0 }, () => {})) as {
    predict(text: string, k: number, threshold: number): { size(): number; get(i: number): [number, string]; delete(): void };
  };
  return {
    predict(text: string): string {
      // fastText reads one line: other whitespace becomes a space (a no-op on benchmark text).
      const result = model.predict(/[^\S ]/.test(text) ? text.replace(/\s+/g, ' ') : text, 1, 0);
      const label = result.size() > 0 ? result.get(0)[1] : '';
      result.delete();
      return byEncoded.get(label) ?? label;
    },
  };
}
