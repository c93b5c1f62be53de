import {
  buildIntegrationGraph,
  readStrategyConfig,
  renderIntegrationStrategy,
  runChecks,
} from '@interchange/plugin-interchange-common';
import {
  expandCatalogPatterns,
  loadValidEntities,
  readInterchangeConfigFile,
} from '../lib/loadCatalog';

export interface StrategyOptions {
  /** An app-config file: principles, standards, platforms and check settings under `interchange`. */
  config?: string;
  /** Printed in the document and used for exception expiry; default: no time printed. */
  generatedAt?: string;
  /** Fixed "now" for exception expiry when no --generated-at is given (tests). */
  now?: Date;
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
  const files = await expandCatalogPatterns(patterns, l => out.error(l));
  if (!files) {
    return 2;
  }
  let config;
  try {
    config = readStrategyConfig(
      options.config
        ? await readInterchangeConfigFile(options.config)
        : undefined,
    );
  } catch (e) {
    out.error(`cannot use --config ${options.config}: ${(e as Error).message}`);
    return 2;
  }

  const { entities, notes } = await loadValidEntities(files, {
    leftOut: 'left out',
    label: e => `${e.kind}:${e.metadata?.name}`,
  });

  const graph = buildIntegrationGraph(entities.map(l => l.entity));
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
