/**
 * Multinomial logistic regression on sparse rows, trained full-batch with Adam and L2 (deterministic:
 * zero start, fixed order). Small enough for the corpus sizes here; used only by the training script.
 */
export interface Row {
  x: Array<[number, number]>;
  y: number;
  weight: number;
}

export interface Trained {
  W: Float64Array; // features × classes
  b: Float64Array;
}

export function softmaxRow(t: Trained, x: Array<[number, number]>, K: number, temperature = 1): number[] {
  const logits = Array.from(t.b);
  for (const [f, v] of x) for (let k = 0; k < K; k++) logits[k] += t.W[f * K + k] * v;
  const max = Math.max(...logits.map((l) => l / temperature));
  const e = logits.map((l) => Math.exp(l / temperature - max));
  const s = e.reduce((a, c) => a + c, 0);
  return e.map((v) => v / s);
}

export function train(rows: Row[], F: number, K: number, { epochs = 250, lambda = 1e-3, rate = 0.05 } = {}): Trained {
  const W = new Float64Array(F * K);
  const b = new Float64Array(K);
  const mW = new Float64Array(F * K);
  const vW = new Float64Array(F * K);
  const mb = new Float64Array(K);
  const vb = new Float64Array(K);
  const b1 = 0.9;
  const b2 = 0.999;
  const total = rows.reduce((s, r) => s + r.weight, 0);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const gW = new Float64Array(F * K);
    const gb = new Float64Array(K);
    for (const r of rows) {
      const p = softmaxRow({ W, b }, r.x, K);
      for (let k = 0; k < K; k++) {
        const d = (r.weight * (p[k] - (k === r.y ? 1 : 0))) / total;
        if (d === 0) continue;
        gb[k] += d;
        for (const [f, v] of r.x) gW[f * K + k] += d * v;
      }
    }
    for (let i = 0; i < W.length; i++) gW[i] += lambda * W[i];
    const c1 = 1 - b1 ** epoch;
    const c2 = 1 - b2 ** epoch;
    for (let i = 0; i < W.length; i++) {
      mW[i] = b1 * mW[i] + (1 - b1) * gW[i];
      vW[i] = b2 * vW[i] + (1 - b2) * gW[i] * gW[i];
      W[i] -= (rate * (mW[i] / c1)) / (Math.sqrt(vW[i] / c2) + 1e-8);
    }
    for (let k = 0; k < K; k++) {
      mb[k] = b1 * mb[k] + (1 - b1) * gb[k];
      vb[k] = b2 * vb[k] + (1 - b2) * gb[k] * gb[k];
      b[k] -= (rate * (mb[k] / c1)) / (Math.sqrt(vb[k] / c2) + 1e-8);
    }
  }
  return { W, b };
}

/** Temperature minimising the negative log-likelihood of out-of-fold predictions (calibration). */
export function fitTemperature(logitsOf: Array<{ logits: number[]; y: number }>): number {
  let best = 1;
  let bestNll = Infinity;
  for (let t = 0.3; t <= 6; t += 0.05) {
    let nll = 0;
    for (const { logits, y } of logitsOf) {
      const max = Math.max(...logits.map((l) => l / t));
      const s = logits.reduce((a, l) => a + Math.exp(l / t - max), 0);
      nll -= logits[y] / t - max - Math.log(s);
    }
    if (nll < bestNll) {
      bestNll = nll;
      best = Math.round(t * 100) / 100;
    }
  }
  return best;
}
