import {
  compareMeshAccess,
  meshRuleDestination,
} from '../../mesh/compareMeshAccess';
import { CheckRule, RuleFinding } from '../types';
import { meshSkipReason } from './meshSkip';

/** `mesh/allow-any`: a policy that lets any source in. */
export const meshAllowAnyRule: CheckRule = {
  id: 'mesh/allow-any',
  defaultSeverity: 'warning',
  needsLiveData: true,
  description:
    'A mesh allow rule that lets any source in (`*`, any namespace, unauthenticated) to a component.',
  explanation:
    'Every workload in the mesh (or outside it) may call the component, so the policy documents nothing and a compromised neighbour reaches it.',
  fix: 'List the callers (principals, service accounts, services) the component expects; keep `*` only for an edge service, with an exception and the reason.',
  skipReason: (_graph, options) => meshSkipReason(options),
  run(graph, { liveData }) {
    const findings: RuleFinding[] = [];
    const seen = new Set<string>();
    for (const a of compareMeshAccess(graph, liveData?.meshes ?? []).allowAny) {
      for (const ref of a.destinations) {
        const key = `${ref}|${a.mesh}|${a.rule.policy}|${a.rule.source}`;
        if (seen.has(key)) continue;
        seen.add(key);
        findings.push({
          entityRef: ref,
          entityRefs: [ref],
          message: `${a.rule.policy} (mesh ${a.mesh}) lets any source (${
            a.rule.source
          }) call ${ref} (${meshRuleDestination(a.rule)})`,
          details: {
            mesh: a.mesh,
            policy: a.rule.policy,
            source: a.rule.source,
            location: a.rule.location,
          },
        });
      }
    }
    return findings;
  },
};
