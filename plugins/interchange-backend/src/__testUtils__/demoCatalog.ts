import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { Entity } from '@backstage/catalog-model';

/** The demo company's catalog files (the repository's examples folder). */
export const EXAMPLES = path.resolve(__dirname, '../../../../examples');

/** The demo's organisation, systems, components, APIs and integrations. */
export const DEMO_CATALOG_FILES = [
  'org.yaml',
  'systems.yaml',
  'components.yaml',
  'apis.yaml',
  'integrations/kafka-topics.yaml',
  'integrations/gateway-routes.yaml',
  'integrations/webhooks.yaml',
];

/** The entities of these example files, as the catalog serves them. */
export function exampleEntities(...files: string[]): Entity[] {
  return files.flatMap(file =>
    parseAllDocuments(fs.readFileSync(path.join(EXAMPLES, file), 'utf8'))
      .map(d => d.toJS() as Entity)
      .filter(e => e?.kind && e.metadata?.name),
  );
}

/** The demo company's catalog (DEMO_CATALOG_FILES). */
export function demoEntities(): Entity[] {
  return exampleEntities(...DEMO_CATALOG_FILES);
}
