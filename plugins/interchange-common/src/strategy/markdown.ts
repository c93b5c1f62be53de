/** Text for a GFM table cell: one line, pipes escaped. */
export function cell(value: string | number): string {
  return String(value).replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

/** Inline code that survives backticks in the value. */
export function code(value: string): string {
  const fence = value.includes('`') ? '``' : '`';
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

/** A GFM table; `align` marks numeric columns right-aligned. */
export function table(
  header: string[],
  rows: Array<Array<string | number>>,
  align: Array<'l' | 'r'> = [],
): string[] {
  const line = (cells: Array<string | number>) =>
    `| ${cells.map(c => cell(c)).join(' | ')} |`;
  return [
    line(header),
    `|${header
      .map((_, i) => (align[i] === 'r' ? ' ---: ' : ' --- '))
      .join('|')}|`,
    ...rows.map(line),
  ];
}

/** `n` with `singular` or its plural. */
export function plural(
  n: number,
  singular: string,
  pluralForm?: string,
): string {
  return `${n} ${n === 1 ? singular : pluralForm ?? `${singular}s`}`;
}

/** A share as a whole percentage, "0%" when there is no total. */
export function percent(part: number, total: number): string {
  return total === 0 ? '0%' : `${Math.round((part * 100) / total)}%`;
}
