import fs from 'node:fs/promises';
import fg from 'fast-glob';
import {
  checkConfigSize,
  checkConfigText,
  checkConfigValue,
  expansionBudget,
} from '@interchange/plugin-interchange-common';
import {
  Document,
  isMap,
  isSeq,
  LineCounter,
  Node,
  parseAllDocuments,
} from 'yaml';

/** One YAML document of a catalog file, with what is needed to point at lines. */
export interface CatalogDocument {
  file: string;
  index: number;
  line: number;
  value: unknown;
  /** Line of the node at a problem path such as `spec.config.retention.ms`. */
  lineOf(path: string): number;
}

export interface CatalogFileError {
  file: string;
  line: number;
  message: string;
}

/** Expands files, directories (their *.yaml/*.yml) and globs, in a stable order. */
export async function expandPatterns(patterns: string[]): Promise<string[]> {
  const files = new Set<string>();
  for (const pattern of patterns) {
    const stat = await fs.stat(pattern).catch(() => undefined);
    if (stat?.isFile()) {
      files.add(pattern);
      continue;
    }
    const glob = stat?.isDirectory()
      ? `${fg.convertPathToPattern(pattern)}/**/*.{yaml,yml}`
      : pattern;
    for (const f of await fg(glob, {
      dot: false,
      onlyFiles: true,
      ignore: ['**/node_modules/**'],
    })) {
      files.add(f);
    }
  }
  return [...files].sort();
}

function tokens(path: string): string[] {
  return path.split(/\.|(?=\[)/).filter(Boolean);
}

/**
 * Finds the YAML node at a dotted problem path. Keys may themselves contain
 * dots (Kafka configs such as `retention.ms`, annotation names), so at each
 * map the longest run of tokens that is an existing key wins.
 */
function nodeAt(doc: Document, path: string): Node | undefined {
  const parts = tokens(path);
  let node: unknown = doc.contents;
  let found: Node | undefined = doc.contents ?? undefined;
  let i = 0;
  while (i < parts.length && node) {
    const part = parts[i];
    if (part.startsWith('[') && isSeq(node)) {
      node = node.items[Number(part.slice(1, -1))];
      i += 1;
    } else if (isMap(node)) {
      let matched = false;
      for (let j = parts.length; j > i; j--) {
        const key = parts.slice(i, j).join('.');
        if (key.includes('[')) {
          continue;
        }
        const pair = node.items.find(p => (p.key as any)?.value === key);
        if (pair) {
          node = pair.value ?? pair.key;
          i = j;
          matched = true;
          break;
        }
      }
      if (!matched) {
        break;
      }
    } else {
      break;
    }
    if (node && typeof node === 'object' && 'range' in (node as object)) {
      found = node as Node;
    }
  }
  return found;
}

/** Reads and parses catalog files; YAML syntax errors are returned, not thrown. */
export async function readCatalogFiles(files: string[]): Promise<{
  documents: CatalogDocument[];
  errors: CatalogFileError[];
}> {
  const documents: CatalogDocument[] = [];
  const errors: CatalogFileError[] = [];
  for (const file of files) {
    let text: string;
    try {
      checkConfigSize((await fs.stat(file)).size, 'the file');
      text = await fs.readFile(file, 'utf8');
      checkConfigText(text, 'the file');
    } catch (e) {
      errors.push({
        file,
        line: 0,
        message: `cannot read file: ${(e as Error).message}`,
      });
      continue;
    }
    const budget = expansionBudget(text.length);
    const lineCounter = new LineCounter();
    const docs = parseAllDocuments(text, { lineCounter });
    const list = Array.isArray(docs) ? docs : [docs];
    list.forEach((doc, index) => {
      if (doc.errors.length > 0) {
        for (const err of doc.errors) {
          errors.push({
            file,
            line: lineCounter.linePos(err.pos[0]).line,
            message: `invalid YAML: ${err.message.split('\n')[0]}`,
          });
        }
        return;
      }
      let value: any;
      try {
        // The yaml library bounds alias expansion itself (maxAliasCount);
        // nesting is bounded here, as for every configuration file.
        value = doc.toJS();
        checkConfigValue(value, budget);
      } catch (e) {
        errors.push({
          file,
          line: lineCounter.linePos(doc.range[0]).line,
          message: `document ${index + 1}: ${(e as Error).message}`,
        });
        return;
      }
      if (value === null || value === undefined) {
        return;
      }
      const lineOfOffset = (offset?: number) =>
        offset === undefined ? 1 : lineCounter.linePos(offset).line;
      documents.push({
        file,
        index,
        line: lineOfOffset(doc.contents?.range?.[0]),
        value,
        lineOf: path =>
          lineOfOffset(
            nodeAt(doc, path)?.range?.[0] ?? doc.contents?.range?.[0],
          ),
      });
    });
  }
  return { documents, errors };
}
