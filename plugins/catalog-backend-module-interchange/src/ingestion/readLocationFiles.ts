import { UrlReaderService } from '@backstage/backend-plugin-api';
import { Entity, LocationEntityV1alpha1 } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { toError } from '@backstage/errors';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  ConfigFile,
  isNotFound,
  readConfigFile,
  resolveConfigTarget,
  targetName,
} from './readConfigFile';

/** One readable file listed by a Location of a configuration-file type. */
export interface LocationFile {
  /** The target as the Location wrote it. */
  raw: string;
  /** The URL or absolute path, for messages. */
  name: string;
  file: ConfigFile;
  /** The file as the emitted entities' location, so "View source" opens it. */
  source: LocationSpec;
  /** `source` as an annotation value (`url:...` or `file:...`). */
  sourceRef: string;
}

/** How a Location type's files are called in the errors it emits. */
export interface LocationFileWords {
  /**
   * "gateway configuration": "Unable to read gateway configuration <name>",
   * "Gateway configuration <name> does not exist".
   */
  what: string;
  /** "the gateway configuration files": "set spec.target or spec.targets to ...". */
  files: string;
  /** "does not exist" or "do not exist", as `what` is singular or plural. */
  missing: string;
}

/** `text` with its first letter in upper case, to start a message. */
const sentenceStart = (text: string) =>
  text.charAt(0).toLocaleUpperCase('en-US') + text.slice(1);

/**
 * The Location's spec when `entity` is a Location of `locationType`, the
 * only entities a configuration-file processor acts on.
 */
export function locationOfType(
  entity: Entity,
  locationType: string,
): LocationEntityV1alpha1['spec'] | undefined {
  const spec = (entity as LocationEntityV1alpha1).spec;
  return entity.kind === 'Location' && spec?.type === locationType
    ? spec
    : undefined;
}

/**
 * Targets of `locationType` Locations in app-config's `catalog.locations`,
 * read on every call so config reloads count: only these may name local
 * paths (resolveConfigTarget).
 */
export function configuredTargetsOf(
  config: Config,
  locationType: string,
): () => string[] {
  return () =>
    (config.getOptionalConfigArray('catalog.locations') ?? [])
      .filter(l => l.getOptionalString('type') === locationType)
      .map(l => l.getString('target'));
}

/**
 * The read step of every configuration-file Location type (gateway
 * configuration, RabbitMQ definitions): lists the Location's targets,
 * resolves each by the local-file safety rules and reads it. Whatever
 * cannot be read is an error on the Location (a missing file only when the
 * Location is not `presence: optional`), so the catalog keeps the entities
 * the file gave before; the readable files are returned in order, for the
 * caller's parse, map and emit steps.
 */
export async function readLocationFiles(options: {
  entity: Entity;
  spec: LocationEntityV1alpha1['spec'];
  location: LocationSpec;
  emit: CatalogProcessorEmit;
  locationType: string;
  words: LocationFileWords;
  reader: UrlReaderService;
  integrations: ScmIntegrationRegistry;
  configuredTargets: () => string[];
}): Promise<LocationFile[]> {
  const { entity, spec, location, emit, locationType, words } = options;
  const targets = [
    ...(spec.target ? [spec.target] : []),
    ...(spec.targets ?? []),
  ];
  if (!targets.length) {
    emit(
      processingResult.inputError(
        location,
        `Location ${entity.metadata.name} of type ${locationType} lists no files; set spec.target or spec.targets to ${words.files}`,
      ),
    );
    return [];
  }
  const files: LocationFile[] = [];
  for (const raw of targets) {
    const target = resolveConfigTarget(location, raw, {
      locationType,
      integrations: options.integrations,
      configuredTargets: options.configuredTargets,
    });
    if (target.kind === 'refused') {
      emit(processingResult.inputError(location, target.reason));
      continue;
    }
    const name = targetName(target);
    let file: ConfigFile;
    try {
      file = await readConfigFile(target, options.reader);
    } catch (e) {
      if (!isNotFound(e)) {
        emit(
          processingResult.generalError(
            location,
            `Unable to read ${words.what} ${name}: ${toError(e).message}`,
          ),
        );
      } else if (spec.presence !== 'optional') {
        emit(
          processingResult.notFoundError(
            location,
            `${sentenceStart(words.what)} ${name} ${
              words.missing
            } (target '${raw}')`,
          ),
        );
      }
      continue;
    }
    const source: LocationSpec =
      target.kind === 'url'
        ? { type: 'url', target: target.url }
        : { type: 'file', target: target.file };
    files.push({
      raw,
      name,
      file,
      source,
      sourceRef: `${source.type}:${source.target}`,
    });
  }
  return files;
}
