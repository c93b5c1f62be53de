import { HttpAuthService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  CheckFinding,
  compareMeshAccess,
  MeshAccessPair,
  runChecks,
  summarizeFinding,
} from '@interchange/plugin-interchange-common';
import { IntegrationGraphCache } from '../checks/IntegrationGraphCache';
import { InterchangeRouter } from '../schema/InterchangeRouter';
import { MeshAccessService } from './MeshAccessService';
import { MESH_CHECK_RULES } from './meshRules';

export interface MeshRouterOptions {
  httpAuth: HttpAuthService;
  catalog: CatalogService;
  graphs: IntegrationGraphCache;
  meshAccess: MeshAccessService;
}

function componentRef(value: string): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(value, {
        defaultKind: 'Component',
        defaultNamespace: 'default',
      }),
    ).toLocaleLowerCase('en-US');
  } catch {
    throw new InputError(
      `entityRef must be a component ref such as component:default/orders-service (got '${value}')`,
    );
  }
}

/** One row of the card: the other component and the three columns. */
function row(p: MeshAccessPair, other: string, findings: CheckFinding[]) {
  return {
    entityRef: other,
    declared: p.declaredVia.length > 0,
    declaredVia: p.declaredVia,
    allowed: p.allowed.map(a => ({
      mesh: a.mesh,
      decision: a.decision,
      conditional: a.conditional,
      reason: a.reason,
      ...(a.policy ? { policy: a.policy } : {}),
    })),
    ...(p.observed ? { observed: p.observed } : {}),
    differences: findings
      .filter(
        f =>
          f.details.source === p.source &&
          f.details.destination === p.destination,
      )
      .map(f => f.rule),
  };
}

/** Route /mesh/access: declared vs allowed vs observed calls of a component. */
export function addMeshRoutes(
  router: InterchangeRouter,
  options: MeshRouterOptions,
): void {
  const { httpAuth, catalog, graphs, meshAccess } = options;

  router.get('/mesh/access', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const entityRef = componentRef(req.query.entityRef);
    if (!entityRef.startsWith('component:')) {
      throw new InputError(
        `entityRef must be a component (mesh identities belong to components); got '${req.query.entityRef}'`,
      );
    }
    // The caller's own credentials: a component they may not see is a 404.
    if (!(await catalog.getEntityByRef(entityRef, { credentials }))) {
      throw new NotFoundError(`${entityRef} is not in the catalog`);
    }
    const graph = await graphs.get();
    const { meshes, status } = await meshAccess.data(graph);
    const comparison = compareMeshAccess(graph, meshes);
    const checks = runChecks(graph, {
      rules: MESH_CHECK_RULES,
      liveData: { meshes },
      now: new Date(),
    });
    const findings = checks.findings.filter(f =>
      f.entityRefs.includes(entityRef),
    );
    res.json({
      entityRef,
      meshes: status.map(s => ({
        id: s.id,
        type: s.type as 'istio' | 'linkerd' | 'consul',
        title: s.title,
        windowSeconds: s.windowSeconds,
        metrics: s.metrics,
        ...(s.error ? { error: s.error } : {}),
      })),
      callers: comparison.pairs
        .filter(p => p.destination === entityRef)
        .map(p => row(p, p.source, findings)),
      callees: comparison.pairs
        .filter(p => p.source === entityRef)
        .map(p => row(p, p.destination, findings)),
      allowAny: comparison.allowAny
        .filter(a => a.destinations.includes(entityRef))
        .map(a => ({
          mesh: a.mesh,
          policy: a.rule.policy,
          source: a.rule.source,
        })),
      findings: findings.map(f => summarizeFinding(f)),
    });
  });
}
