import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  EntityProblem,
  getRabbitMQExchangeName,
  getRabbitMQVhost,
  isRabbitMQExchangeEntity,
  isRabbitMQQueueEntity,
  KnownRabbitMQExchange,
} from '@interchange/plugin-interchange-common';
import { readCatalogFiles } from '../lib/catalogFiles';
import { expandCatalogPatterns } from '../lib/loadCatalog';
import { validateCatalogEntity } from '../lib/validateCatalogEntity';

export interface ValidateOptions {
  format?: 'text' | 'json';
  cluster?: string[];
  gateway?: string[];
}

interface Finding {
  file: string;
  line: number;
  entity: string;
  path: string;
  message: string;
  fix: string;
}

const isEntityLike = (value: unknown): value is Entity =>
  !!value &&
  typeof value === 'object' &&
  !Array.isArray(value) &&
  !!(value as Entity).spec &&
  typeof (value as Entity).spec === 'object' &&
  !!(value as Entity).metadata;

/**
 * The exchanges the files declare (RabbitMQExchange entities), for the
 * queues' bindings and dead-letter exchanges. Only a queue on a broker and
 * vhost the files declare at least one exchange of is checked against them:
 * elsewhere the exchanges are managed outside these files.
 */
function rabbitmqExchangesOf(values: unknown[]) {
  const exchanges: KnownRabbitMQExchange[] = [];
  for (const value of values) {
    if (isEntityLike(value) && isRabbitMQExchangeEntity(value)) {
      exchanges.push({
        broker: String(value.spec.broker),
        vhost: String(getRabbitMQVhost(value)),
        name: String(getRabbitMQExchangeName(value)),
        entityName: String(value.metadata.name),
      });
    }
  }
  return (value: unknown): KnownRabbitMQExchange[] | undefined => {
    if (!isEntityLike(value) || !isRabbitMQQueueEntity(value)) {
      return undefined;
    }
    const broker = String(value.spec.broker);
    const vhost = String(getRabbitMQVhost(value));
    return exchanges.some(e => e.broker === broker && e.vhost === vhost)
      ? exchanges
      : undefined;
  };
}

function entityLabel(value: unknown): string {
  try {
    return stringifyEntityRef(value as Entity);
  } catch {
    const v = value as { kind?: unknown; metadata?: { name?: unknown } };
    return `${String(v?.kind ?? '?').toLocaleLowerCase('en-US')}:${String(
      v?.metadata?.name ?? '?',
    )}`;
  }
}

/**
 * `interchange validate <file-or-glob>...`: exit 0 when every entity in the
 * files is valid, 1 otherwise, printing file, entity, field path and fix for
 * each problem.
 */
export async function validateCommand(
  patterns: string[],
  options: ValidateOptions,
  out: { log(line: string): void } = console,
): Promise<number> {
  const files = await expandCatalogPatterns(patterns, l => out.log(l));
  if (!files) {
    return 1;
  }
  const { documents, errors } = await readCatalogFiles(files);
  const findings: Finding[] = errors.map(e => ({
    file: e.file,
    line: e.line,
    entity: '(file)',
    path: '(yaml)',
    message: e.message,
    fix: 'fix the YAML syntax at that line',
  }));
  const unknownKinds: string[] = [];
  const notEntities: string[] = [];
  let invalidEntities = 0;
  const knownExchangesFor = rabbitmqExchangesOf(documents.map(d => d.value));
  for (const doc of documents) {
    if (typeof doc.value !== 'object' || Array.isArray(doc.value)) {
      findings.push({
        file: doc.file,
        line: doc.line,
        entity: '(document)',
        path: '(root)',
        message:
          'is not an entity (expected a map with apiVersion, kind, metadata and spec)',
        fix: 'see https://backstage.io/docs/features/software-catalog/descriptor-format',
      });
      invalidEntities += 1;
      continue;
    }
    const outcome = await validateCatalogEntity(doc.value as Entity, {
      knownClusters: options.cluster?.length ? options.cluster : undefined,
      knownGateways: options.gateway?.length ? options.gateway : undefined,
      knownRabbitMQExchanges: knownExchangesFor(doc.value),
    });
    if (outcome.status === 'not-an-entity') {
      notEntities.push(`${doc.file}:${doc.line}`);
    } else if (outcome.status === 'unknown-kind') {
      unknownKinds.push(`${doc.file}:${doc.line} ${entityLabel(doc.value)}`);
    } else if (outcome.status === 'invalid') {
      invalidEntities += 1;
      findings.push(
        ...outcome.problems.map((p: EntityProblem) => ({
          file: doc.file,
          line: doc.lineOf(p.path),
          entity: entityLabel(doc.value),
          ...p,
        })),
      );
    }
  }

  const entityCount = documents.length - notEntities.length;
  if (options.format === 'json') {
    out.log(
      JSON.stringify(
        {
          files: files.length,
          entities: entityCount,
          problems: findings,
          unknownKinds,
          notEntities,
        },
        null,
        2,
      ),
    );
  } else {
    let previous = '';
    for (const f of findings) {
      const heading = `${f.file}  ${f.entity}`;
      if (heading !== previous) {
        out.log(`\n${heading}`);
        previous = heading;
      }
      out.log(`  ${f.file}:${f.line}  ${f.path}: ${f.message}`);
      out.log(`      fix: ${f.fix}`);
    }
    for (const u of unknownKinds) {
      out.log(`note: ${u} has a kind this command does not know; not checked`);
    }
    for (const n of notEntities) {
      out.log(
        `note: ${n} is not a catalog entity (no apiVersion or kind); skipped`,
      );
    }
    out.log(
      `\n${files.length} file${files.length === 1 ? '' : 's'}, ${entityCount} ${
        entityCount === 1 ? 'entity' : 'entities'
      }: ${
        findings.length === 0
          ? 'all valid'
          : `${invalidEntities} invalid, ${findings.length} problem${
              findings.length === 1 ? '' : 's'
            }`
      }`,
    );
  }
  return findings.length === 0 ? 0 : 1;
}
