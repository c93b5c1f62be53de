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

/** One file of a preview: what it gave, or why it could not be parsed. */
export type PreviewResult<T> = T & { file: string; error?: string };

/**
 * Parses each source (a file, a bundle) for a preview; a source that throws
 * becomes an `error` result with `empty`'s fields, so one bad file neither
 * stops the others nor changes the JSON shape.
 */
export function previewEach<S, T extends object>(
  sources: S[],
  fileOf: (source: S) => string,
  parse: (source: S) => T,
  empty: T,
): PreviewResult<T>[] {
  return sources.map(source => {
    const file = fileOf(source);
    try {
      return { file, ...parse(source) };
    } catch (e) {
      return { file, ...empty, error: `cannot parse: ${(e as Error).message}` };
    }
  });
}

/**
 * Prints a preview: `{ files: [...] }` with `json`, else per file a heading,
 * its error or its items (`print`) and what it skipped, then the summary
 * line. The exit code is 1 when a file could not be parsed.
 */
export function reportPreview<
  R extends {
    file: string;
    error?: string;
    skipped: Parameters<typeof logSkipped>[1];
  },
>(
  out: Out,
  results: R[],
  options: {
    json?: boolean;
    /** Singular noun of what the files hold ("route", "rule"). */
    noun: string;
    found(result: R): number;
    /** After the file name, e.g. " (kong)". */
    heading(result: R): string;
    print(result: R): void;
  },
): number {
  const failed = results.filter(r => r.error);
  if (options.json) {
    out.log(JSON.stringify({ files: results }, null, 2));
    return failed.length ? 1 : 0;
  }
  for (const r of results) {
    out.log(`${r.file}${options.heading(r)}`);
    if (r.error) {
      out.log(`  error: ${r.error}`);
      continue;
    }
    options.print(r);
    logSkipped(out, r.skipped);
  }
  logPreviewSummary(out, {
    files: results.length,
    found: results.reduce((n, r) => n + options.found(r), 0),
    noun: options.noun,
    skipped: results.reduce((n, r) => n + r.skipped.length, 0),
    unreadable: failed.length,
  });
  return failed.length ? 1 : 0;
}
