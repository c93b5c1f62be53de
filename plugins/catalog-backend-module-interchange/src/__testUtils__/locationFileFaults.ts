import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { JsonObject } from '@backstage/types';
import { startCatalogBackend } from './catalogBackend';
import { waitFor } from './catalogQueries';
import {
  processingRounds,
  waitForNoProcessingErrors,
  waitForProcessingError,
} from './processingErrors';

/**
 * For a fault suite of one configuration-file Location type: registers the
 * suite's beforeAll and afterAll, which start a real catalog backend with
 * this module reading a Location from a temporary folder (locationFileFolder)
 * and stop and remove them. What it returns is read inside the tests.
 */
export function catalogWithLocationFile(options: {
  /** Prefix of the temporary folder's name. */
  prefix: string;
  /** The intact file, copied into the folder as `fileName`. */
  fixture: string;
  fileName: string;
  /** The Location listing `./<fileName>`, in the folder's catalog-info.yaml. */
  location: {
    name: string;
    type: string;
    annotations: Record<string, string>;
  };
  /** `catalog` config but its locations (the folder's Location is added). */
  catalog: JsonObject;
  interchange?: JsonObject;
}): { server(): any; file(): string; location: string } {
  let folder: ReturnType<typeof locationFileFolder> | undefined;
  let backend: Awaited<ReturnType<typeof startCatalogBackend>> | undefined;

  beforeAll(async () => {
    folder = locationFileFolder({
      ...options,
      // JSON is YAML too: no YAML library needed to write catalog-info.yaml.
      locationYaml: JSON.stringify(
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Location',
          metadata: {
            name: options.location.name,
            annotations: options.location.annotations,
          },
          spec: {
            type: options.location.type,
            target: `./${options.fileName}`,
          },
        },
        null,
        2,
      ),
    });
    backend = await startCatalogBackend({
      catalog: {
        ...options.catalog,
        locations: [{ type: 'file', target: folder.catalogInfo }],
      },
      interchange: options.interchange,
    });
  }, 60_000);

  afterAll(async () => {
    await backend?.stop();
    folder?.remove();
  });

  return {
    server: () => backend!.server,
    file: () => folder!.file,
    location: `location:default/${options.location.name}`,
  };
}

/**
 * A temporary folder holding a copy of `fixture` as `fileName` and a
 * `catalog-info.yaml` with `locationYaml`, the Location that lists it, for
 * a test that breaks a configuration file on disk. `remove` deletes it.
 */
function locationFileFolder(options: {
  prefix: string;
  fixture: string;
  fileName: string;
  locationYaml: string;
}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), options.prefix));
  const file = path.join(dir, options.fileName);
  fs.copyFileSync(options.fixture, file);
  const catalogInfo = path.join(dir, 'catalog-info.yaml');
  fs.writeFileSync(catalogInfo, options.locationYaml);
  return {
    file,
    catalogInfo,
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** `kind:name` of the catalog's entities of `kinds`, sorted. */
async function entityNames(server: any, kinds: string[]): Promise<string[]> {
  const res = await request(server).get(
    `/api/catalog/entities?${kinds
      .map(k => `filter=kind=${k.toLocaleLowerCase('en-US')}`)
      .join('&')}`,
  );
  expect(res.status).toBe(200);
  return (res.body as { kind: string; metadata: { name: string } }[])
    .map(e => `${e.kind}:${e.metadata.name}`)
    .sort();
}

/** `text` with every regular-expression character escaped. */
const escapeRegExp = (text: string) =>
  text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What every configuration-file Location type must do when its file
 * breaks, in one sequence: the file becomes invalid, then unreadable (a
 * folder in its place: as root, a chmod would not stop the read), then
 * gone. Each time it waits until the Location shows the error naming the
 * file (failing when it does not), and notes the catalog's entities. Then
 * the fixed file, with one entity more, must clear the error. Returns the
 * entities of each step, for the test to say what it expects of them.
 */
export async function breakLocationFileThreeWays(options: {
  /** The backend and the file (catalogWithLocationFile). */
  catalog: ReturnType<typeof catalogWithLocationFile>;
  /** The kinds of the entities the file gives. */
  kinds: string[];
  /** `kind:name` of the entities from the intact file, sorted. */
  before: string[];
  /** Content that no longer parses, and the error it gives (file escaped). */
  invalid: { text: string; error: (escapedFile: string) => RegExp };
  /** The error for the folder in the file's place. */
  unreadable: (escapedFile: string) => RegExp;
  /** The error for the deleted file. */
  missing: (escapedFile: string) => RegExp;
  /** The fixed file, and the entity it adds (`kind:name`). */
  fixed: { text: string; adds: string };
}): Promise<{
  intact: string[];
  invalid: string[];
  unreadable: string[];
  gone: string[];
  fixed: string[];
}> {
  const { kinds, before } = options;
  const location = options.catalog.location;
  const server = options.catalog.server();
  const file = options.catalog.file();
  const entities = () => entityNames(server, kinds);
  await waitFor(async () => {
    const now = await entities();
    return now.length === before.length ? now : undefined;
  }, `the entities of ${file}`);
  const intact = await entities();

  const escaped = escapeRegExp(file);

  // Invalid.
  fs.writeFileSync(file, options.invalid.text);
  await waitForProcessingError(
    server,
    location,
    options.invalid.error(escaped),
  );
  await processingRounds();
  const invalid = await entities();

  // Unreadable.
  fs.rmSync(file);
  fs.mkdirSync(file);
  await waitForProcessingError(server, location, options.unreadable(escaped));
  await processingRounds();
  const unreadable = await entities();

  // Gone.
  fs.rmSync(file, { recursive: true });
  await waitForProcessingError(server, location, options.missing(escaped));
  await processingRounds();
  const gone = await entities();

  // Fixed, with one entity more: the error goes and the entity appears.
  fs.writeFileSync(file, options.fixed.text);
  await waitForNoProcessingErrors(server, location);
  await waitFor(async () => {
    const now = await entities();
    return now.length === before.length + 1 ? now : undefined;
  }, `the entity the fixed ${file} adds`);
  return { intact, invalid, unreadable, gone, fixed: await entities() };
}

/**
 * What a configuration-file Location type must show at the steps of
 * breakLocationFileThreeWays: the entities kept while the file is
 * invalid, unreadable and gone, and the fixed file's one more.
 */
export function keptWhileBroken(before: string[], adds: string) {
  return {
    intact: before,
    invalid: before,
    unreadable: before,
    gone: before,
    fixed: [...before, adds].sort(),
  };
}
