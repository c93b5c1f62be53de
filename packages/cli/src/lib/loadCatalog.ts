import fs from 'node:fs/promises';
import { parse } from 'yaml';
import { Entity } from '@backstage/catalog-model';
import {
  CatalogDocument,
  expandPatterns,
  readCatalogFiles,
} from './catalogFiles';
import { validateCatalogEntity } from './validateCatalogEntity';

/**
 * The catalog files that `patterns` (files, directories, globs) name; when
 * none match, says so through `report` and returns undefined, and the
 * command exits with its usage code.
 */
export async function expandCatalogPatterns(
  patterns: string[],
  report: (line: string) => void,
): Promise<string[] | undefined> {
  const files = await expandPatterns(patterns);
  if (files.length === 0) {
    report(
      `No catalog files match ${patterns.join(
        ' ',
      )}. Pass files, directories or globs such as 'catalog/**/*.yaml'.`,
    );
    return undefined;
  }
  return files;
}

/** The `interchange` section of an app-config file (`--config`). */
export async function readInterchangeConfigFile(
  file: string,
): Promise<unknown> {
  const data = parse(await fs.readFile(file, 'utf8'));
  return data?.interchange;
}

/** A valid entity and the document it came from. */
export interface LoadedEntity {
  entity: Entity;
  doc: CatalogDocument;
}

/**
 * The entities of catalog files that the catalog would accept, as the
 * portal's checks and strategy see them; YAML errors and invalid entities
 * become notes ("<file>:<line> ... ; <leftOut> (run interchange validate)")
 * instead, and documents that are not entities are passed over.
 */
export async function loadValidEntities(
  files: string[],
  options: {
    /** What happens to what cannot be read, e.g. "not checked". */
    leftOut: string;
    /** How a note names an invalid entity. */
    label: (entity: Entity) => string;
  },
): Promise<{ entities: LoadedEntity[]; notes: string[] }> {
  const tail = `; ${options.leftOut} (run interchange validate)`;
  const { documents, errors } = await readCatalogFiles(files);
  const notes = errors.map(e => `${e.file}:${e.line} ${e.message}${tail}`);
  const entities: LoadedEntity[] = [];
  for (const doc of documents) {
    const entity = doc.value as Entity;
    const outcome = await validateCatalogEntity(entity, {});
    if (outcome.status === 'not-an-entity') {
      continue;
    }
    if (outcome.status === 'invalid') {
      // The catalog would reject it, so the portal never sees it.
      notes.push(
        `${doc.file}:${doc.line} ${options.label(entity)} is invalid${tail}`,
      );
      continue;
    }
    entities.push({ entity, doc });
  }
  return { entities, notes };
}
