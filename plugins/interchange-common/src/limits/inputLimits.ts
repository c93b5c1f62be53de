/**
 * Bounds on what a configuration file may be, checked before (or while)
 * parsing, so a hostile or broken file ends in a clear error after bounded
 * time and memory rather than exhausting the backend or the CLI. Every
 * parser entry (gateway files and bundles, mesh policies, RabbitMQ
 * definitions, the CLI's files) and every reader (disk, URL, zip) checks
 * against these, and nothing else holds a limit of its own.
 *
 * The limits in force are process-wide, like Node's own header size limit:
 * parsers are reached through public interfaces (a custom gateway format's
 * parseBundle, parseMeshConfig) that take no options, and a backend has
 * one policy. `configureInputLimits` sets them from
 * `interchange.inputLimits` at start-up; the browser keeps the defaults.
 */

/** The limits a configuration file is read within. @public */
export interface InputLimits {
  /** Largest file (or URL body) read, in bytes. */
  maxFileBytes: number;
  /** Deepest nesting of maps and lists (or XML elements). */
  maxDepth: number;
  /** Longest line of YAML, XML or HCL text (JSON is exempt: exports are often one line). */
  maxLineLength: number;
  /** Most values a file's documents may expand to through YAML aliases. */
  maxExpandedValues: number;
}

/**
 * The defaults: a 10,000-route decK file is 1.7 MB and nests under 20
 * levels; no hand-written file has a 256 kB line; one value per 2 bytes of
 * an 8 MB file is 4 million.
 *
 * @public
 */
export const DEFAULT_INPUT_LIMITS: Readonly<InputLimits> = Object.freeze({
  maxFileBytes: 8 * 1024 * 1024,
  maxDepth: 64,
  maxLineLength: 256 * 1024,
  maxExpandedValues: 4_000_000,
});

/**
 * HCL files (Consul intentions) are read by hashicorp/hcl compiled to
 * JavaScript, which is slow: about 3 s per MB on a shared 2-core machine,
 * worse than linearly. Real config entries are a few kB, so HCL gets a
 * fixed, smaller bound that the config key does not raise.
 *
 * @public
 */
export const MAX_HCL_BYTES = 128 * 1024;

/** Largest configuration file read by default. @public */
export const MAX_CONFIG_FILE_BYTES = DEFAULT_INPUT_LIMITS.maxFileBytes;

/** Deepest nesting accepted by default; real files stay under 20. @public */
export const MAX_CONFIG_DEPTH = DEFAULT_INPUT_LIMITS.maxDepth;

/** Largest Apigee bundle: its files together, uncompressed. @public */
export const MAX_BUNDLE_BYTES = 16 * 1024 * 1024;

/** Most files a bundle (folder or zip) may hold. @public */
export const MAX_BUNDLE_FILES = 2000;

let current: Readonly<InputLimits> = DEFAULT_INPUT_LIMITS;

/** The limits in force. @public */
export function inputLimits(): Readonly<InputLimits> {
  return current;
}

/**
 * Sets the limits in force; keys not given keep their default, and no
 * argument restores the defaults. `key` is where they were configured, for
 * the error on a value that is not a whole number of at least 1.
 *
 * @public
 */
export function configureInputLimits(
  limits: Partial<InputLimits> = {},
  key = 'interchange.inputLimits',
): void {
  const next = { ...DEFAULT_INPUT_LIMITS };
  for (const name of Object.keys(DEFAULT_INPUT_LIMITS) as Array<
    keyof InputLimits
  >) {
    const value = limits[name];
    if (value === undefined) continue;
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new Error(
        `${key}.${name}: must be a whole number of at least 1 (got ${value}); leave it out for the default ${DEFAULT_INPUT_LIMITS[name]}`,
      );
    }
    next[name] = value;
  }
  current = Object.freeze(next);
}

function megabytes(bytes: number): string {
  // A limit lowered in config may be under a megabyte: '0.0 MB' says nothing.
  if (bytes < 1024 * 1024) return `${bytes} bytes`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Throws when a file or body of `bytes` bytes is over the size limit; for
 * readers, before they read it (disk) or as soon as it passes (streams:
 * `partial`, the body was not read to its end).
 *
 * @public
 */
export function checkConfigSize(
  bytes: number,
  what = 'the file',
  partial = false,
): void {
  const max = current.maxFileBytes;
  if (bytes > max) {
    throw new Error(
      `${what} is ${
        partial ? `more than ${megabytes(max)}` : megabytes(bytes)
      }; configuration files are read up to ${megabytes(
        max,
      )} (interchange.inputLimits.maxFileBytes): split it into several files`,
    );
  }
}

/**
 * Throws when the text is too large, not text at all (a NUL byte: a zip,
 * an image, a binary) or, unless it is JSON, has a line longer than the
 * limit. The message says what was found and what to do.
 *
 * @public
 */
export function checkConfigText(
  text: string,
  what = 'the file',
  options: { json?: boolean } = {},
): void {
  // Text length in UTF-16 units is at most the byte length: cheap and safe.
  checkConfigSize(text.length, what);
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    throw new Error(
      `${what} holds binary data (a NUL byte at offset ${nul}), not YAML, JSON or XML text`,
    );
  }
  const json = options.json ?? /^\s*[[{]/.test(text.slice(0, 1024));
  if (!json) {
    checkLineLength(text, what);
  }
}

function checkLineLength(text: string, what: string): void {
  const max = current.maxLineLength;
  if (text.length <= max) {
    return;
  }
  let start = 0;
  let line = 1;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end - start > max) {
      throw new Error(
        `${what}: line ${line} is ${
          end - start
        } characters long; lines are read up to ${max} (interchange.inputLimits.maxLineLength): break it over several lines`,
      );
    }
    start = end + 1;
    line += 1;
  }
}

/**
 * How many values a text's documents may expand to through aliases: a few
 * per character, which no real file exceeds and a bomb passes at once, and
 * never more than the configured maximum.
 *
 * @public
 */
export function expansionBudget(textLength: number): number {
  return Math.min(current.maxExpandedValues, Math.max(100_000, 4 * textLength));
}

/**
 * Throws when a parsed value nests deeper than the depth limit, or when
 * its shared parts (YAML aliases) expand to more than `budget` values in
 * all: an alias bomb. Iterative, and it stops at the first excess, so it
 * runs in time bounded by `budget` whatever the value is. Returns how
 * many values it counted, so the documents of one file can share a budget.
 *
 * @public
 */
export function checkConfigValue(value: unknown, budget: number): number {
  const maxDepth = current.maxDepth;
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
    if (depth >= maxDepth) {
      throw new Error(
        `nested deeper than ${maxDepth} levels (interchange.inputLimits.maxDepth); configuration files are never that deep`,
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
