/** Where a command writes: the console, or a test's collector. */
export type Out = { log(line: string): void; error(line: string): void };

/** What a preview (`interchange routes`, `interchange mesh`) skipped in a file, one line each. */
export function logSkipped(
  out: Out,
  skipped: { kind: string; name?: string; document: number; reason: string }[],
): void {
  for (const s of skipped) {
    out.log(
      `  skipped ${s.kind}${s.name ? ` ${s.name}` : ''} (document ${
        s.document + 1
      }): ${s.reason}`,
    );
  }
}

/** The last line of a preview, e.g. "3 files: 12 routes, 1 skipped, 1 unreadable". */
export function logPreviewSummary(
  out: Out,
  summary: {
    files: number;
    found: number;
    noun: string;
    skipped: number;
    unreadable: number;
  },
): void {
  const { files, found, noun, skipped, unreadable } = summary;
  out.log('');
  out.log(
    `${files} file${files === 1 ? '' : 's'}: ${found} ${noun}${
      found === 1 ? '' : 's'
    }, ${skipped} skipped${unreadable ? `, ${unreadable} unreadable` : ''}`,
  );
}
