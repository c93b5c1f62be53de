import { HttpAuthService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { InputError, NotFoundError } from '@backstage/errors';
import { impact } from '@interchange/plugin-interchange-common';
import { InterchangeRouter } from '../schema/InterchangeRouter';
import { ChecksStore, StoredFinding } from './ChecksStore';
import { IntegrationGraphCache } from './IntegrationGraphCache';

export interface ChecksRouterOptions {
  httpAuth: HttpAuthService;
  catalog: CatalogService;
  checks: ChecksStore;
  graphs: IntegrationGraphCache;
}

/**
 * A query parameter as a lower-case `kind:namespace/name` ref (how findings
 * and the graph spell refs), or a 400 naming the parameter.
 */
function refParam(name: string, value: string, defaultKind?: string): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(value, { defaultKind, defaultNamespace: 'default' }),
    ).toLocaleLowerCase('en-US');
  } catch {
    const example = defaultKind
      ? `${defaultKind.toLocaleLowerCase('en-US')}:default/name or a bare name`
      : 'component:default/name';
    throw new InputError(
      `${name} must be an entity ref such as ${example} (got '${value}')`,
    );
  }
}

/** Routes /checks (stored findings) and /impact (dependencies of an entity). */
export function addChecksRoutes(
  router: InterchangeRouter,
  options: ChecksRouterOptions,
): void {
  const { httpAuth, catalog, checks, graphs } = options;

  router.get('/checks', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const q = req.query;
    const entityRef =
      q.entityRef !== undefined
        ? refParam('entityRef', q.entityRef)
        : undefined;
    const owner =
      q.owner !== undefined ? refParam('owner', q.owner, 'Group') : undefined;
    const system =
      q.system !== undefined
        ? refParam('system', q.system, 'System')
        : undefined;
    const stored = await checks.read();
    const matches = (f: StoredFinding) =>
      (!entityRef || f.entityRefs.includes(entityRef)) &&
      (!q.rule || f.rule === q.rule) &&
      (!q.severity || f.severity === q.severity) &&
      (!owner || f.owners.includes(owner)) &&
      (!system || f.systems.includes(system));
    res.json({
      ...(stored.computedAt ? { computedAt: stored.computedAt } : {}),
      skippedRules: stored.skippedRules,
      excused: stored.excused,
      items: stored.findings.filter(matches),
    });
  });

  router.get('/impact', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const entityRef = refParam('entityRef', req.query.entityRef);
    const direction = req.query.direction ?? 'downstream';
    const depth = Number(req.query.depth ?? 2);
    if (!Number.isInteger(depth) || depth < 1 || depth > 20) {
      throw new InputError(
        `depth must be a whole number from 1 to 20 (got '${req.query.depth}')`,
      );
    }
    // The caller's own credentials: an entity they may not see is a 404.
    if (!(await catalog.getEntityByRef(entityRef, { credentials }))) {
      throw new NotFoundError(`${entityRef} is not in the catalog`);
    }
    const graph = await graphs.get();
    const result = impact(graph, entityRef, { direction, depth });
    res.json({
      entityRef: result.entityRef,
      direction: result.direction,
      depth: result.depth,
      reached: result.reached,
    });
  });
}
