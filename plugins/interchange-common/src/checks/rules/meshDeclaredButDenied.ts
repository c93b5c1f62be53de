import { compareMeshAccess } from '../../mesh/compareMeshAccess';
import { CheckRule, RuleFinding } from '../types';
import { meshSkipReason } from './meshSkip';

/** `mesh/declared-but-denied`: a declared dependency the mesh refuses. */
export const meshDeclaredButDeniedRule: CheckRule = {
  id: 'mesh/declared-but-denied',
  defaultSeverity: 'error',
  needsLiveData: true,
  description:
    'A call the catalog declares (`dependsOn`, `consumesApis`) that the service mesh denies for every request.',
  explanation:
    'Either the declaration is stale, or the call fails in production with a 403 from the mesh: both mislead whoever trusts the catalog.',
  fix: 'Allow the caller in the mesh policy (and remove the DENY if one matches), or remove the stale declaration from the caller.',
  skipReason: (_graph, options) => meshSkipReason(options),
  run(graph, { liveData }) {
    const findings: RuleFinding[] = [];
    const { pairs } = compareMeshAccess(graph, liveData?.meshes ?? []);
    for (const p of pairs) {
      if (!p.declaredVia.length) continue;
      for (const a of p.allowed) {
        if (a.decision !== 'deny' || a.conditional) continue;
        findings.push({
          entityRef: p.source,
          entityRefs: [p.source, p.destination],
          message: `${p.source} declares a call to ${
            p.destination
          } (${p.declaredVia.join(', ')}), but mesh ${a.mesh} denies it: ${
            a.reason
          }`,
          details: {
            source: p.source,
            destination: p.destination,
            declaredVia: p.declaredVia,
            mesh: a.mesh,
            reason: a.reason,
          },
        });
      }
    }
    return findings;
  },
};
