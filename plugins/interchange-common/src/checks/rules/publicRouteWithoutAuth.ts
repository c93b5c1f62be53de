import { nodesOfKind, specOf } from '../helpers';
import { CheckRule, RuleFinding } from '../types';

/** `hygiene/public-route-without-auth`: an open door at the edge. */
export const publicRouteWithoutAuthRule: CheckRule = {
  id: 'hygiene/public-route-without-auth',
  defaultSeverity: 'error',
  description:
    'A route with exposure `public` or `partner` and authentication `none` (or none declared).',
  explanation:
    'A route reachable from the internet or by partners without authentication lets anyone call the service behind it; the service usually assumes the gateway checked the caller.',
  fix: 'Set spec.authentication (jwt, oauth2, api-key, mtls) and configure it on the gateway; if the route is open by design (a token endpoint, a public status page), add an exception with the reason.',
  run(graph) {
    const findings: RuleFinding[] = [];
    for (const route of nodesOfKind(graph, 'GatewayRoute')) {
      const spec = specOf(route);
      if (spec.exposure !== 'public' && spec.exposure !== 'partner') {
        continue;
      }
      if (spec.authentication && spec.authentication !== 'none') {
        continue;
      }
      findings.push({
        entityRef: route.ref,
        entityRefs: [route.ref],
        message: `${route.ref} is ${spec.exposure} without authentication${
          spec.authentication ? '' : ' (none declared)'
        }`,
        details: {
          exposure: spec.exposure,
          authentication: spec.authentication ?? null,
          field: spec.authentication ? 'spec.authentication' : 'spec.exposure',
        },
      });
    }
    return findings;
  },
};
