import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { validateInterchangeEntity } from '@interchange/plugin-interchange-common';
import { parseAllDocuments } from 'yaml';
import { ActionsContext } from './ActionsContext';

/** `validate-entity`: catalog YAML -> the validator's problems, per entity. */
export function registerValidateEntityAction(
  registry: ActionsRegistryService,
  ctx: ActionsContext,
) {
  registry.register({
    name: 'validate-entity',
    title: 'Validate Interchange catalog YAML',
    description:
      "Runs Interchange's validator (the catalog's and `interchange validate`'s) over catalog YAML, one or more documents, and returns each entity's problems with the field, the message and the fix. Cluster ids are checked against this portal's interchange.kafka.clusters.",
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          yaml: z
            .string()
            .min(1)
            .describe('catalog-info.yaml content, one or more documents'),
        }),
      output: z =>
        z.object({
          valid: z.boolean(),
          entities: z.array(
            z.object({
              document: z.number(),
              entityRef: z.string().optional(),
              problems: z.array(
                z.object({
                  path: z.string(),
                  message: z.string(),
                  fix: z.string(),
                }),
              ),
            }),
          ),
        }),
    },
    action: async ({ input }) => {
      const docs = parseAllDocuments(input.yaml);
      const knownClusters = ctx.live.listClusters().map(c => c.id);
      const entities = docs.map((doc, i) => {
        if (doc.errors.length) {
          throw new InputError(
            `yaml: document ${i + 1} is not valid YAML: ${
              doc.errors[0].message
            }`,
          );
        }
        const entity = doc.toJS() as Entity;
        if (!entity || typeof entity !== 'object') {
          return {
            document: i + 1,
            problems: [
              {
                path: '(root)',
                message: 'is not an object',
                fix: 'write an entity with apiVersion, kind, metadata and spec',
              },
            ],
          };
        }
        const problems = validateInterchangeEntity(entity, { knownClusters });
        const name = entity.metadata?.name;
        return {
          document: i + 1,
          entityRef:
            entity.kind && name
              ? `${String(entity.kind).toLocaleLowerCase('en-US')}:${
                  entity.metadata.namespace ?? 'default'
                }/${name}`
              : undefined,
          problems: problems.map(p => ({
            path: p.path,
            message: p.message,
            fix: p.fix,
          })),
        };
      });
      return {
        output: {
          valid: entities.every(e => e.problems.length === 0),
          entities,
        },
      };
    },
  });
}
