import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { InputError } from '@backstage/errors';
import { ActionsContext, normalizeRefInput } from './ActionsContext';

/** `checks`: an entity or a team -> its integration check findings. */
export function registerChecksAction(
  registry: ActionsRegistryService,
  ctx: ActionsContext,
) {
  registry.register({
    name: 'checks',
    title: 'Integration check findings',
    description:
      "The integration checks' current findings (rule, severity, message, fix) for an entity or for a team (owner), as on the findings page and GET /api/interchange/checks.",
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .optional()
            .describe('Findings about this entity'),
          owner: z
            .string()
            .optional()
            .describe(
              'Findings owned by this team, e.g. group:default/team-platform',
            ),
          severity: z.enum(['error', 'warning', 'info']).optional(),
        }),
      output: z =>
        z.object({
          computedAt: z.string().optional(),
          findings: z.array(
            z
              .object({
                rule: z.string(),
                severity: z.string(),
                message: z.string(),
                entityRefs: z.array(z.string()),
              })
              .passthrough(),
          ),
        }),
    },
    action: async ({ input }) => {
      if (!input.entityRef && !input.owner) {
        throw new InputError('give entityRef or owner');
      }
      const entityRef = input.entityRef
        ? normalizeRefInput('entityRef', input.entityRef)
        : undefined;
      const owner = input.owner
        ? normalizeRefInput('owner', input.owner, 'Group')
        : undefined;
      const stored = await ctx.checks.read();
      const findings = stored.findings.filter(
        f =>
          (!entityRef || f.entityRefs.includes(entityRef)) &&
          (!owner || f.owners.includes(owner)) &&
          (!input.severity || f.severity === input.severity),
      );
      return {
        output: {
          ...(stored.computedAt ? { computedAt: stored.computedAt } : {}),
          findings: findings.map(f => ({ ...f })),
        },
      };
    },
  });
}
