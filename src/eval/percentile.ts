// The p-th percentile of a sample (nearest rank), rounded to hundredths: latency figures of eval and bench.
import { defined } from '../domain/defined.ts';

export function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Number(defined(sorted[Math.max(0, index)], 'value at a percentile rank').toFixed(2));
}
