import { linksFrom } from '../../graph';
import { nodesOfKind, specOf, withSkipped } from '../helpers';
import { CheckRule, RuleFinding } from '../types';

/**
 * `overengineering/gateway-for-internal-calls`: a route whose API is only
 * consumed inside the system that serves it. Public and partner routes are
 * left alone: their callers are outside the catalog by design.
 */
export const gatewayForInternalCallsRule: CheckRule = {
  id: 'overengineering/gateway-for-internal-calls',
  defaultSeverity: 'info',
  description:
    'A route whose API is only consumed inside the system that serves it.',
  explanation:
    'A gateway earns its keep at a boundary: authentication, rate limits and routing for callers you do not control. Between components of one system it adds a network hop, a config to maintain and a team to ask, for calls that could go direct (or through the mesh).',
  fix: 'Let the system’s components call the service directly (service discovery or the mesh) and remove the route, or declare the consumers outside the system if there are any.',
  run(graph) {
    const findings: RuleFinding[] = [];
    for (const route of nodesOfKind(graph, 'GatewayRoute')) {
      const exposure = specOf(route).exposure;
      if (exposure === 'public' || exposure === 'partner') {
        continue;
      }
      const api = linksFrom(graph, route.ref).find(
        l => l.type === 'exposes',
      )?.to;
      if (!api || !graph.nodes.has(api)) {
        continue;
      }
      const upstream = (graph.outgoing.get(route.ref) ?? [])[0]?.to;
      const system =
        route.system ??
        (upstream ? graph.nodes.get(upstream)?.system : undefined) ??
        graph.nodes.get(api)?.system;
      if (!system) {
        continue;
      }
      const consumers = (graph.incoming.get(api) ?? [])
        .filter(e => e.relation === 'consumesApi')
        .map(e => e.from);
      if (
        consumers.length === 0 ||
        consumers.some(c => graph.nodes.get(c)?.system !== system)
      ) {
        continue;
      }
      findings.push(
        withSkipped(graph, {
          entityRef: route.ref,
          entityRefs: [route.ref, api, ...consumers],
          message: `${route.ref} exposes ${api}, which only components of ${system} consume`,
          details: { api, system, consumers },
        }),
      );
    }
    return findings;
  },
};
