export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** The same kind of work at its floor (bare query, bare queue, bare split) measured in the same run. */
  floor?: number;
  /** For "lower is better" units (ms), the ratio is floor/value. */
  lowerIsBetter?: boolean;
}

export function formatResult(result: BenchResult): string[] {
  const lines = [`bench ${result.name} ${result.value.toFixed(2)} ${result.unit}`];
  if (result.floor !== undefined && result.value > 0) {
    const ratio = result.lowerIsBetter ? result.floor / result.value : result.value / result.floor;
    lines.push(`ratio ${result.name} ${ratio.toFixed(3)}`);
  }
  return lines;
}
