// Temperature scaling (Guo et al. 2017): one scalar T dividing the logits, chosen to minimise the
// negative log-likelihood on held-out data. It keeps the argmax and makes probabilities honest.

/** `logits` is row-major [n × K]; returns T in [0.05, 20]. */
export function fitTemperature(logits: Float64Array, gold: Int32Array, K: number): number {
  const n = gold.length;
  if (n === 0) return 1;
  const nll = (logT: number): number => {
    const invT = Math.exp(-logT);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const row = i * K;
      let max = -Infinity;
      for (let k = 0; k < K; k++) max = Math.max(max, logits[row + k] * invT);
      let sum = 0;
      for (let k = 0; k < K; k++) sum += Math.exp(logits[row + k] * invT - max);
      total += Math.log(sum) + max - logits[row + gold[i]] * invT;
    }
    return total / n;
  };
  // Golden-section search on log T: NLL is unimodal in T for a fixed model.
  let a = Math.log(0.05), b = Math.log(20);
  const r = (Math.sqrt(5) - 1) / 2;
  let c = b - r * (b - a), d = a + r * (b - a);
  let fc = nll(c), fd = nll(d);
  for (let iter = 0; iter < 40; iter++) {
    if (fc < fd) { b = d; d = c; fd = fc; c = b - r * (b - a); fc = nll(c); }
    else { a = c; c = d; fc = fd; d = a + r * (b - a); fd = nll(d); }
  }
  return Math.exp((a + b) / 2);
}
