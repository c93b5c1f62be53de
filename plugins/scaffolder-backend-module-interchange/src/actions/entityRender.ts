import fs from 'node:fs/promises';
import path from 'node:path';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import {
  Entity,
  makeValidator,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  formatEntityProblems,
  INTERCHANGE_API_VERSION,
  INTERCHANGE_KINDS,
  validateInterchangeEntity,
} from '@interchange/plugin-interchange-common';
import yaml from 'yaml';

const validator = makeValidator();

/**
 * Form fields a user left empty arrive as '' or [] (or undefined); a
 * catalog file should not carry them.
 */
export function pruneEmpty(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(pruneEmpty).filter(v => v !== undefined);
    return items.length ? items : undefined;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .map(([k, v]) => [k, pruneEmpty(v)] as const)
      .filter(([, v]) => v !== undefined);
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  if (value === '' || value === null) {
    return undefined;
  }
  return value;
}

/**
 * `interchange:entity:render`: writes a catalog-info.yaml for a KafkaTopic,
 * GatewayRoute or Webhook, validated with the same validator the catalog
 * and the `interchange validate` command use, so a template can never open
 * a pull request with an entity the catalog would reject.
 *
 * @public
 */
export function createEntityRenderAction() {
  return createTemplateAction({
    id: 'interchange:entity:render',
    description:
      'Writes a validated catalog-info.yaml for a KafkaTopic, GatewayRoute or Webhook entity into the workspace',
    supportsDryRun: true,
    examples: [
      {
        description: 'A KafkaTopic entity',
        example: yaml.stringify({
          steps: [
            {
              id: 'entity',
              action: 'interchange:entity:render',
              name: 'Write catalog-info.yaml',
              input: {
                kind: 'KafkaTopic',
                name: 'orders.order-placed.v1',
                description: 'One event per placed order',
                spec: {
                  owner: 'group:team-orders',
                  cluster: 'prod-eu',
                  partitions: 6,
                  producers: ['component:order-service'],
                },
              },
            },
          ],
        }),
      },
    ],
    schema: {
      input: {
        kind: z =>
          z.enum(INTERCHANGE_KINDS, { description: 'The entity kind' }),
        name: z => z.string({ description: 'metadata.name' }),
        namespace: z =>
          z.string({ description: 'metadata.namespace' }).optional(),
        title: z => z.string({ description: 'metadata.title' }).optional(),
        description: z =>
          z.string({ description: 'metadata.description' }).optional(),
        tags: z =>
          z.array(z.string(), { description: 'metadata.tags' }).optional(),
        spec: z =>
          z.record(z.unknown(), {
            description: 'The entity spec, as in docs/entity-model.md',
          }),
        targetPath: z =>
          z
            .string({
              description:
                'File to write, relative to the workspace. Default catalog-info.yaml',
            })
            .optional(),
      },
      output: {
        entityRef: z => z.string({ description: 'Ref of the rendered entity' }),
        filePath: z =>
          z.string({
            description: 'The written file, relative to the workspace',
          }),
      },
    },
    async handler(ctx) {
      const { kind, name } = ctx.input;
      if (!validator.isValidEntityName(name)) {
        throw new InputError(
          `name: '${name}' is not a valid entity name. Fix: use 1-63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit`,
        );
      }
      const entity = {
        apiVersion: INTERCHANGE_API_VERSION,
        kind,
        metadata: pruneEmpty({
          name,
          namespace: ctx.input.namespace,
          title: ctx.input.title,
          description: ctx.input.description,
          tags: ctx.input.tags,
        }),
        spec: pruneEmpty(ctx.input.spec) ?? {},
      } as Entity;
      const problems = validateInterchangeEntity(entity);
      if (problems.length) {
        throw new InputError(
          `The ${kind} entity ${name} is not valid:\n${formatEntityProblems(
            problems,
          )}`,
        );
      }
      const filePath = ctx.input.targetPath ?? 'catalog-info.yaml';
      const target = resolveSafeChildPath(ctx.workspacePath, filePath);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, yaml.stringify(entity), 'utf8');
      ctx.logger.info(`Wrote ${stringifyEntityRef(entity)} to ${filePath}`);
      ctx.output('entityRef', stringifyEntityRef(entity));
      ctx.output('filePath', filePath);
    },
  });
}
