import { compareMeshAccess } from '../../mesh/compareMeshAccess';
import { CheckRule, RuleFinding } from '../types';
import { meshSkipReason } from './meshSkip';

/** `mesh/undeclared-call`: the mesh allows, or traffic shows, a call the catalog does not declare. */
export const meshUndeclaredCallRule: CheckRule = {
  id: 'mesh/undeclared-call',
  defaultSeverity: 'warning',
  needsLiveData: true,
  description:
    'A call between two components that the service mesh allows or that traffic shows, but the catalog does not declare (`dependsOn`, `consumesApis`).',
  explanation:
    'The catalog is where impact analysis, ownership and reviews look; a dependency it does not know breaks the callee’s changes without warning, and an allow rule nobody declared is access nobody reviews.',
  fix: 'Declare it on the caller (`consumesApis` of the callee’s API, or `dependsOn`), or remove the allow rule if the call should not happen.',
  skipReason: (_graph, options) => meshSkipReason(options),
  run(graph, { liveData }) {
    const findings: RuleFinding[] = [];
    const { pairs } = compareMeshAccess(graph, liveData?.meshes ?? []);
    for (const p of pairs) {
      if (p.declaredVia.length) continue;
      const allowed = p.allowed.filter(a => a.decision === 'allow');
      const observed = (p.observed ?? []).filter(o => o.requests > 0);
      if (!allowed.length && !observed.length) continue;
      const how = [
        allowed.length
          ? `the mesh allows it (${allowed
              .map(a => a.policy ?? a.mesh)
              .join(', ')})`
          : undefined,
        observed.length
          ? `${observed.reduce((n, o) => n + o.requests, 0)} requests observed`
          : undefined,
      ].filter(Boolean);
      findings.push({
        entityRef: p.source,
        entityRefs: [p.source, p.destination],
        message: `${p.source} calls ${
          p.destination
        }, not declared in the catalog: ${how.join('; ')}`,
        details: {
          source: p.source,
          destination: p.destination,
          allowed: allowed.map(a => ({ mesh: a.mesh, policy: a.policy })),
          observed: observed.map(o => ({ mesh: o.mesh, requests: o.requests })),
        },
      });
    }
    return findings;
  },
};
