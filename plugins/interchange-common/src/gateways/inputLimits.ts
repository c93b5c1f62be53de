/**
 * Bounds on what a configuration file may be, checked before (or while)
 * parsing, so a hostile or broken file ends in a clear error after bounded
 * time and memory rather than exhausting the backend or the CLI.
 */

/** Largest configuration file read: a 10,000-route decK file is 1.7 MB. @public */
export const MAX_CONFIG_FILE_BYTES = 8 * 1024 * 1024;

/** Deepest nesting of maps and lists (or XML elements) accepted; real files stay under 20. @public */
export const MAX_CONFIG_DEPTH = 64;

/** Largest Apigee bundle: its files together, uncompressed. @public */
export const MAX_BUNDLE_BYTES = 16 * 1024 * 1024;

/** Most files a bundle (folder or zip) may hold. @public */
export const MAX_BUNDLE_FILES = 2000;

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Throws when the text is too large or not text at all (a NUL byte: a zip,
 * an image, a binary). The message says what was found and what to do.
 *
 * @public
 */
export function checkConfigText(text: string, what = 'the file'): void {
  // Text length in UTF-16 units is at most the byte length: cheap and safe.
  if (text.length > MAX_CONFIG_FILE_BYTES) {
    throw new Error(
      `${what} is ${megabytes(
        text.length,
      )}; gateway configuration files are read up to ${megabytes(
        MAX_CONFIG_FILE_BYTES,
      )}: split it into several files`,
    );
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    throw new Error(
      `${what} holds binary data (a NUL byte at offset ${nul}), not YAML, JSON or XML text`,
    );
  }
}

/**
 * Throws when a parsed value nests deeper than MAX_CONFIG_DEPTH, or when
 * its shared parts (YAML aliases) expand to more than `budget` values in
 * all: an alias bomb. Iterative, and it stops at the first excess, so it
 * runs in time bounded by `budget` whatever the value is. Returns how
 * many values it counted, so the documents of one file can share a budget.
 *
 * @public
 */
export function checkConfigValue(value: unknown, budget: number): number {
  // Two parallel stacks rather than [value, depth] pairs: no allocation per value.
  const values: unknown[] = [value];
  const depths: number[] = [0];
  let visited = 0;
  while (values.length) {
    const v = values.pop();
    const depth = depths.pop()!;
    if (++visited > budget) {
      throw new Error(
        `aliases expand to more than ${budget} values (a YAML alias bomb?); write the values out or use fewer aliases`,
      );
    }
    if (!v || typeof v !== 'object') {
      continue;
    }
    if (depth >= MAX_CONFIG_DEPTH) {
      throw new Error(
        `nested deeper than ${MAX_CONFIG_DEPTH} levels; configuration files are never that deep`,
      );
    }
    if (Array.isArray(v)) {
      for (const c of v) {
        values.push(c);
        depths.push(depth + 1);
      }
    } else {
      for (const k in v) {
        if (Object.prototype.hasOwnProperty.call(v, k)) {
          values.push((v as Record<string, unknown>)[k]);
          depths.push(depth + 1);
        }
      }
    }
  }
  return visited;
}
