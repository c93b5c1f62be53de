import fs from 'node:fs/promises';
import { parse } from 'yaml';
import { Entity } from '@backstage/catalog-model';
import {
  BUILTIN_CHECK_RULES,
  buildIntegrationGraph,
  CheckFinding,
  runChecks,
} from '@interchange/plugin-interchange-common';
import {
  CatalogDocument,
  expandPatterns,
  readCatalogFiles,
} from '../lib/catalogFiles';
import { validateCatalogEntity } from '../lib/validateCatalogEntity';
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
  const data = parse(await fs.readFile(file, 'utf8'));
  return data?.interchange?.checks;
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
  const files = await expandPatterns(patterns);
  if (files.length === 0) {
    out.log(
      `No catalog files match ${patterns.join(
        ' ',
      )}. Pass files, directories or globs such as 'catalog/**/*.yaml'.`,
    );
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

  const { documents, errors } = await readCatalogFiles(files);
  const notes: string[] = errors.map(
    e =>
      `${e.file}:${e.line} ${e.message}; not checked (run interchange validate)`,
  );
  const entities: Entity[] = [];
  const where = new Map<string, CatalogDocument>();
  for (const doc of documents) {
    const value = doc.value as Entity;
    const outcome = await validateCatalogEntity(value, {});
    if (outcome.status === 'not-an-entity') {
      continue;
    }
    if (outcome.status === 'invalid') {
      // The catalog would reject it, so the portal's checks never see it.
      notes.push(
        `${doc.file}:${doc.line} ${refOf(
          value,
        )} is invalid; not checked (run interchange validate)`,
      );
      continue;
    }
    entities.push(value);
    if (!where.has(refOf(value))) {
      where.set(refOf(value), doc);
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
      rule: f.rule,
      severity: f.severity,
      entityRef: f.entityRef,
      entityRefs: f.entityRefs,
      message: f.message,
      fix: f.fix,
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
