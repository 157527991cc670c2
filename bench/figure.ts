/** One measured figure, printed by `npm run bench` as a JSON line. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
}

/** Percentile of a sorted-or-not list of numbers (nearest rank). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Runs `work` once and gives its wall time in seconds as a figure (bulk loads, builds). */
export async function secondsTaken(name: string, work: () => unknown): Promise<Figure> {
  const started = performance.now();
  await work();
  return { name, value: round((performance.now() - started) / 1000, 1), unit: 's' };
}
