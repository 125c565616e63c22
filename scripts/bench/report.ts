// Summary statistics and the plain-text tables the bench prints.

export interface Stats {
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
}

export function stats(values: readonly number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const medianMs = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { runs: sorted.length, medianMs, minMs: sorted[0]!, maxMs: sorted[sorted.length - 1]! };
}

export const seconds = (ms: number) => (ms / 1000).toFixed(2);
export const range = (s: Stats) => `${seconds(s.minMs)}–${seconds(s.maxMs)}`;
export const megabytes = (mb: number | undefined) => (mb === undefined ? '–' : mb.toFixed(0));
export const ratio = (value: number | undefined) => (value === undefined || !Number.isFinite(value) ? '–' : `${value.toFixed(2)}×`);

/** Left-aligned first column, the others right-aligned, each as wide as its widest cell. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...all.map((row) => [...(row[column] ?? '')].length)));
  const line = (row: readonly string[]) =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ').trimEnd();
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}
