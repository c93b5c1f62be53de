/**
 * Prints a benchmark's table: the header, a rule, then the rows, columns
 * separated by two spaces. The first `leftColumns` columns (names) align
 * left, the rest (numbers) right, so the printed tables read alike and can be
 * pasted into docs/benchmarks.md as they are.
 */
export function printTable(
  header: string[],
  rows: string[][],
  leftColumns = 1,
): void {
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map(r => r[i].length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) =>
        i < leftColumns ? c.padEnd(widths[i]) : c.padStart(widths[i]),
      )
      .join('  ');
  console.log(line(header));
  console.log(widths.map(w => '-'.repeat(w)).join('  '));
  rows.forEach(r => console.log(line(r)));
}
