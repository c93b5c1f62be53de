import { Entity } from '@backstage/catalog-model';
import {
  BUILTIN_CHECK_RULES,
  buildIntegrationGraph,
  CheckFinding,
  runChecks,
  summarizeFinding,
} from '@interchange/plugin-interchange-common';
import { CatalogDocument } from '../lib/catalogFiles';
import {
  expandCatalogPatterns,
  loadValidEntities,
  readInterchangeConfigFile,
} from '../lib/loadCatalog';
import { LocatedFinding, toSarif } from '../lib/sarif';
import packageJson from '../../package.json';

export interface CheckOptions {
  format?: string;
  /** An app-config file whose `interchange.checks` configures the rules. */
  config?: string;
  /** Fixed "now" for exception expiry (tests, reproducible CI). */
  now?: Date;
}

const FORMATS = ['text', 'json', 'sarif'];

function refOf(value: Entity): string {
  return `${value.kind}:${value.metadata.namespace ?? 'default'}/${
    value.metadata.name
  }`.toLocaleLowerCase('en-US');
}

/** The line of `field` in the entity's document, else of the entity itself. */
function lineOf(doc: CatalogDocument | undefined, field: string | undefined) {
  if (!doc) {
    return null;
  }
  return field ? doc.lineOf(field) : doc.line;
}

async function readChecksConfig(file: string): Promise<unknown> {
  const section = await readInterchangeConfigFile(file);
  return (section as { checks?: unknown } | undefined)?.checks;
}

/**
 * `interchange check <paths...>`: builds the integration graph from catalog
 * files and runs the integration checks offline. Exit 1 when an error-
 * severity finding exists, 2 on bad usage.
 */
export async function checkCommand(
  patterns: string[],
  options: CheckOptions,
  out: { log(line: string): void } = console,
): Promise<number> {
  const format = options.format ?? 'text';
  if (!FORMATS.includes(format)) {
    out.log(`--format must be text, json or sarif (got '${format}')`);
    return 2;
  }
  const files = await expandCatalogPatterns(patterns, l => out.log(l));
  if (!files) {
    return 2;
  }
  let config: unknown;
  try {
    config = options.config
      ? await readChecksConfig(options.config)
      : undefined;
  } catch (e) {
    out.log(`cannot read --config ${options.config}: ${(e as Error).message}`);
    return 2;
  }

  const loaded = await loadValidEntities(files, {
    leftOut: 'not checked',
    label: refOf,
  });
  const notes = loaded.notes;
  const entities = loaded.entities.map(l => l.entity);
  const where = new Map<string, CatalogDocument>();
  for (const { entity, doc } of loaded.entities) {
    if (!where.has(refOf(entity))) {
      where.set(refOf(entity), doc);
    }
  }

  let result;
  try {
    result = runChecks(buildIntegrationGraph(entities), {
      config,
      now: options.now,
    });
  } catch (e) {
    out.log((e as Error).message);
    return 2;
  }
  const located = result.findings.map((f: CheckFinding): LocatedFinding => {
    const ref = [f.entityRef, ...f.entityRefs].find(r => where.has(r));
    const doc = ref ? where.get(ref) : undefined;
    const field =
      ref === f.entityRef && typeof f.details.field === 'string'
        ? f.details.field
        : undefined;
    return {
      ...summarizeFinding(f),
      file: doc?.file ?? null,
      line: lineOf(doc, field),
    };
  });
  const skipped = result.skippedRules.filter(
    s => !s.reason.startsWith('disabled'),
  );

  if (format === 'json') {
    out.log(
      JSON.stringify(
        {
          findings: located,
          excused: result.excused.map(e => ({
            rule: e.finding.rule,
            entityRef: e.finding.entityRef,
            exceptionOn: e.exceptionOn,
            reason: e.exception.reason,
            expires: e.exception.expires ?? null,
          })),
          skippedRules: result.skippedRules,
        },
        null,
        2,
      ),
    );
  } else if (format === 'sarif') {
    out.log(
      JSON.stringify(
        toSarif({
          findings: located,
          rules: BUILTIN_CHECK_RULES,
          skippedRules: skipped,
          version: packageJson.version,
          root: process.cwd(),
        }),
        null,
        2,
      ),
    );
  } else {
    for (const f of located) {
      out.log(
        `${f.file ? `${f.file}:${f.line}` : '(no file)'}  ${f.severity}  ${
          f.rule
        }  ${f.entityRef}`,
      );
      out.log(`    ${f.message}`);
      out.log(`    fix: ${f.fix}`);
    }
    for (const e of result.excused) {
      out.log(
        `excused: ${e.finding.rule} on ${e.finding.entityRef}: ${
          e.exception.reason
        }${e.exception.expires ? ` (until ${e.exception.expires})` : ''}`,
      );
    }
    for (const s of skipped) {
      out.log(`skipped: ${s.rule}: ${s.reason}`);
    }
    for (const n of notes) {
      out.log(`note: ${n}`);
    }
    const count = (s: string) => located.filter(f => f.severity === s).length;
    out.log(
      `\n${entities.length} entities in ${files.length} file${
        files.length === 1 ? '' : 's'
      }: ${located.length} finding${located.length === 1 ? '' : 's'} (${count(
        'error',
      )} error, ${count('warning')} warning, ${count('info')} info), ${
        result.excused.length
      } excused by exceptions`,
    );
  }
  return located.some(f => f.severity === 'error') ? 1 : 0;
}
