import { DocumentReadError, readDocuments } from './readDocuments';
import { BundleFile, GatewayParseResult } from './types';

/**
 * One gateway (or mesh) configuration format: how to recognise one of its
 * documents and how to turn it into routes of the common shape. Pure: no
 * I/O, so the catalog module, the CLI and tests run the same code.
 *
 * @public
 */
export interface GatewayConfigFormat {
  /**
   * Stable id: the `type` of a gateway in `interchange.gateways`, the
   * `format` of its routes and a tag on their entities. Lower case letters,
   * digits and `-`, at most 63 characters.
   */
  id: string;
  /** What a person calls it, for messages listing the formats read. */
  title: string;
  /**
   * Whether this format reads a document (one YAML or JSON document of a
   * file). Must not throw. A format reads documents (`detect` and `parse`),
   * bundles (`detectBundle` and `parseBundle`), or both.
   */
  detect?(doc: Record<string, unknown>): boolean;
  /**
   * The routes of a document `detect` accepted, and what it skipped with
   * the reason. `document` is the document's 0-based index in its file.
   */
  parse?(doc: Record<string, any>, document: number): GatewayParseResult;
  /**
   * Whether this format reads a bundle: configuration that is a folder of
   * files read as a whole (an Apigee API proxy), given the files' paths
   * inside it. Must not throw.
   */
  detectBundle?(paths: readonly string[]): boolean;
  /** The routes of a bundle `detectBundle` accepted, and what it skipped. */
  parseBundle?(files: readonly BundleFile[]): GatewayParseResult;
}

/** Every route of a file, what was skipped, and the formats it held. @public */
export type GatewayFileParseResult = GatewayParseResult & {
  /** Ids of the formats found, in the order first seen. */
  formats: string[];
};

/**
 * A document of a configuration file could not be read: not YAML/JSON
 * (`format` unset), or a format's parser failed on it.
 *
 * @public
 */
export class GatewayDocumentError extends Error {
  readonly document: number;
  readonly format?: string;

  constructor(message: string, document: number, format?: string) {
    super(message);
    this.name = 'GatewayDocumentError';
    this.document = document;
    this.format = format;
  }
}

const FORMAT_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

function pairOk(a: unknown, b: unknown): boolean {
  return typeof a === 'function' && typeof b === 'function';
}

/**
 * The formats configuration files are read with. A format added later is
 * asked first, so an adopter's format can claim documents a built-in one
 * would also take (Kong's detection, for one, accepts any document with a
 * `routes` list).
 *
 * @public
 */
export class GatewayFormatRegistry {
  readonly #formats: GatewayConfigFormat[] = [];

  constructor(formats: GatewayConfigFormat[] = []) {
    formats.forEach(f => this.add(f));
  }

  /** Adds a format; throws for a malformed or already registered id. */
  add(format: GatewayConfigFormat): void {
    const where = `gateway configuration format '${String(format?.id)}'`;
    if (typeof format?.id !== 'string' || !FORMAT_ID.test(format.id)) {
      throw new Error(
        `${where}: id must be lower case letters, digits and '-' (at most 63), e.g. 'apigee'`,
      );
    }
    if (!format.title || typeof format.title !== 'string') {
      throw new Error(`${where}: set title, e.g. 'Apigee proxy bundle'`);
    }
    const readsDocuments = pairOk(format.detect, format.parse);
    const readsBundles = pairOk(format.detectBundle, format.parseBundle);
    if (
      (!readsDocuments && (format.detect || format.parse)) ||
      (!readsBundles && (format.detectBundle || format.parseBundle)) ||
      (!readsDocuments && !readsBundles)
    ) {
      throw new Error(
        `${where}: detect(doc) and parse(doc, document) must be functions (for files of YAML/JSON documents), or detectBundle(paths) and parseBundle(files) (for bundles of files), or both pairs`,
      );
    }
    if (this.#formats.some(f => f.id === format.id)) {
      throw new Error(
        `${where} is already registered; give the new format another id`,
      );
    }
    this.#formats.push(format);
  }

  /** The formats, in the order they were added. */
  list(): readonly GatewayConfigFormat[] {
    return [...this.#formats];
  }

  get(id: string): GatewayConfigFormat | undefined {
    return this.#formats.find(f => f.id === id);
  }

  /** What a person reads for "the formats Interchange reads". */
  describe(): string {
    return this.#formats.map(f => f.title).join(', ');
  }

  /** The format that reads a document, newest first, or undefined. */
  detect(doc: unknown): GatewayConfigFormat | undefined {
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
      return undefined;
    }
    for (let i = this.#formats.length - 1; i >= 0; i--) {
      if (this.#formats[i].detect?.(doc as Record<string, unknown>)) {
        return this.#formats[i];
      }
    }
    return undefined;
  }

  /** The format that reads a bundle with these file paths, newest first, or undefined. */
  detectBundle(paths: readonly string[]): GatewayConfigFormat | undefined {
    for (let i = this.#formats.length - 1; i >= 0; i--) {
      if (this.#formats[i].detectBundle?.(paths)) {
        return this.#formats[i];
      }
    }
    return undefined;
  }

  /**
   * Every route of a bundle (a folder of files read as a whole, or the
   * files of its zip export). Throws when no format reads it, and when
   * the format's parser fails, naming the format.
   */
  parseBundle(files: readonly BundleFile[]): GatewayFileParseResult {
    const format = this.detectBundle(files.map(f => f.path));
    if (!format) {
      const readers = this.#formats.filter(f => f.detectBundle);
      throw new GatewayDocumentError(
        `not a configuration bundle Interchange reads (${
          readers.map(f => f.title).join(', ') || 'no format reads bundles'
        }); an Apigee bundle holds apiproxy/<name>.xml and apiproxy/proxies/*.xml`,
        0,
      );
    }
    let parsed: GatewayParseResult;
    try {
      parsed = format.parseBundle!(files);
    } catch (e) {
      throw new GatewayDocumentError(
        `${format.title}: ${(e as Error)?.message ?? String(e)}`,
        0,
        format.id,
      );
    }
    return {
      routes: parsed.routes.map(r =>
        r.format === format.id ? r : { ...r, format: format.id },
      ),
      skipped: parsed.skipped,
      formats: [format.id],
    };
  }

  /**
   * Every route in a configuration file (YAML or JSON, one or several
   * documents), whatever its formats, and everything skipped with the
   * reason. Throws for text that is not YAML/JSON at all, and when a
   * format's parser fails, naming the document and the format: a file
   * read half is never taken for the whole file.
   */
  parse(text: string): GatewayFileParseResult {
    const result: GatewayFileParseResult = {
      routes: [],
      skipped: [],
      formats: [],
    };
    let docs: unknown[];
    try {
      docs = readDocuments(text);
    } catch (e) {
      throw new GatewayDocumentError(
        (e as Error).message,
        e instanceof DocumentReadError ? e.document : 0,
      );
    }
    docs.forEach((doc, i) => {
      if (doc === null || doc === undefined) {
        return;
      }
      const format = this.detect(doc);
      if (!format) {
        result.skipped.push({
          document: i,
          kind: String((doc as { kind?: unknown }).kind ?? typeof doc),
          name: (doc as { metadata?: { name?: string } }).metadata?.name,
          reason: `not a gateway configuration this parser knows (${this.#formats
            .filter(f => f.detect)
            .map(f => f.title)
            .join(', ')})`,
        });
        return;
      }
      let parsed: GatewayParseResult;
      try {
        parsed = format.parse!(doc as Record<string, any>, i);
      } catch (e) {
        throw new GatewayDocumentError(
          `document ${i + 1} (${format.title}): ${
            (e as Error)?.message ?? String(e)
          }`,
          i,
          format.id,
        );
      }
      if (!result.formats.includes(format.id)) {
        result.formats.push(format.id);
      }
      // The format's id is what gateways are matched on, whatever its parser wrote.
      // A loop, not push(...): a document may hold more routes than a call takes arguments.
      for (const r of parsed.routes) {
        result.routes.push(
          r.format === format.id ? r : { ...r, format: format.id },
        );
      }
      for (const item of parsed.skipped) {
        result.skipped.push(item);
      }
    });
    return result;
  }
}
