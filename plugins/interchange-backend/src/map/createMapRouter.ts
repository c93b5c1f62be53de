import { HttpAuthService } from '@backstage/backend-plugin-api';
import { InterchangeRouter } from '../schema/InterchangeRouter';
import { IntegrationGraphCache } from '../checks/IntegrationGraphCache';
import { MapLayouts } from './MapLayouts';

export interface MapRouterOptions {
  httpAuth: HttpAuthService;
  graphs: IntegrationGraphCache;
  mapLayouts: MapLayouts;
}

/** Routes /map/layouts: the company map's layouts computed ahead of time. */
export function addMapRoutes(
  router: InterchangeRouter,
  options: MapRouterOptions,
): void {
  const { httpAuth, graphs, mapLayouts } = options;

  router.get('/map/layouts', async (req, res) => {
    // As /checks: any signed-in user or service. The answer holds no entity
    // ref, only positions and sizes keyed by job hashes (docs/security.md).
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    // Reads the catalog again in the background when the graph is older
    // than its maximum age; its layouts follow (MapLayouts.update). Errors
    // show in the impact API and the checks, not here.
    graphs.get().catch(() => undefined);
    res.json(mapLayouts.list());
  });
}
