import fs from 'node:fs/promises';
import { parse } from 'yaml';
import { Entity } from '@backstage/catalog-model';
import {
  buildIntegrationGraph,
  readStrategyConfig,
  renderIntegrationStrategy,
  runChecks,
} from '@interchange/plugin-interchange-common';
import { expandPatterns, readCatalogFiles } from '../lib/catalogFiles';
import { validateCatalogEntity } from '../lib/validateCatalogEntity';

export interface StrategyOptions {
  /** An app-config file: principles, standards, platforms and check settings under `interchange`. */
  config?: string;
  /** Printed in the document and used for exception expiry; default: no time printed. */
  generatedAt?: string;
  /** Fixed "now" for exception expiry when no --generated-at is given (tests). */
  now?: Date;
}

async function readInterchangeConfig(file: string): Promise<unknown> {
  const data = parse(await fs.readFile(file, 'utf8'));
  return data?.interchange;
}

/**
 * `interchange strategy <paths...>`: the integration strategy document the
 * portal serves at /api/interchange/strategy, generated from catalog files
 * (findings computed offline, as `interchange check` does). Prints Markdown
 * on stdout, notes on stderr; exit 2 on bad usage.
 */
export async function strategyCommand(
  patterns: string[],
  options: StrategyOptions,
  out: { log(line: string): void; error(line: string): void } = console,
): Promise<number> {
  let generatedAt: string | undefined;
  if (options.generatedAt !== undefined) {
    const t = Date.parse(options.generatedAt);
    if (Number.isNaN(t)) {
      out.error(
        `--generated-at must be a date or time such as 2026-06-01 or 2026-06-01T12:00:00Z (got '${options.generatedAt}')`,
      );
      return 2;
    }
    generatedAt = options.generatedAt;
  }
  const files = await expandPatterns(patterns);
  if (files.length === 0) {
    out.error(
      `No catalog files match ${patterns.join(
        ' ',
      )}. Pass files, directories or globs such as 'catalog/**/*.yaml'.`,
    );
    return 2;
  }
  let config;
  try {
    config = readStrategyConfig(
      options.config ? await readInterchangeConfig(options.config) : undefined,
    );
  } catch (e) {
    out.error(`cannot use --config ${options.config}: ${(e as Error).message}`);
    return 2;
  }

  const { documents, errors } = await readCatalogFiles(files);
  const notes = errors.map(
    e =>
      `${e.file}:${e.line} ${e.message}; left out (run interchange validate)`,
  );
  const entities: Entity[] = [];
  for (const doc of documents) {
    const value = doc.value as Entity;
    const outcome = await validateCatalogEntity(value, {});
    if (outcome.status === 'not-an-entity') {
      continue;
    }
    if (outcome.status === 'invalid') {
      // The catalog would reject it, so the portal's document never counts it.
      notes.push(
        `${doc.file}:${doc.line} ${value.kind}:${value.metadata?.name} is invalid; left out (run interchange validate)`,
      );
      continue;
    }
    entities.push(value);
  }

  const graph = buildIntegrationGraph(entities);
  const now = generatedAt ? new Date(generatedAt) : options.now;
  const { findings } = runChecks(graph, { config: config.checks, now });
  out.log(
    renderIntegrationStrategy({
      graph,
      findings,
      principles: config.principles,
      standards: config.standards,
      platforms: config.platforms,
      generatedAt,
    }).trimEnd(),
  );
  for (const n of notes) {
    out.error(`note: ${n}`);
  }
  return 0;
}
