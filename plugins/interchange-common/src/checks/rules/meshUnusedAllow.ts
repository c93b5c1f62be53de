import { compareMeshAccess } from '../../mesh/compareMeshAccess';
import { CheckRule, RuleFinding } from '../types';
import { formatWindow } from './meshSkip';

/** `mesh/unused-allow`: allowed by the mesh, never observed in the window. */
export const meshUnusedAllowRule: CheckRule = {
  id: 'mesh/unused-allow',
  defaultSeverity: 'info',
  needsLiveData: true,
  description:
    'With mesh metrics: a call the mesh allows that no request used in the observation window (`interchange.meshes[].window`).',
  explanation:
    'Access nobody uses is attack surface and suggests a dependency that is not there; it also hides the real callers when the policy is reviewed.',
  fix: 'Remove the allow rule (and any matching declaration) if nothing needs it; if the call is rare (a monthly job), widen the window or add an exception with the reason.',
  skipReason(_graph, { liveData }) {
    return liveData?.meshes?.some(m => m.observed)
      ? undefined
      : 'needs live data: observed calls from a mesh with prometheusUrl (interchange.meshes)';
  },
  run(graph, { liveData }) {
    const meshes = liveData?.meshes ?? [];
    const findings: RuleFinding[] = [];
    for (const p of compareMeshAccess(graph, meshes).pairs) {
      for (const a of p.allowed) {
        if (a.decision !== 'allow') continue;
        const o = p.observed?.find(x => x.mesh === a.mesh);
        if (!o || o.requests > 0) continue;
        const window = o.windowSeconds
          ? ` in the last ${formatWindow(o.windowSeconds)}`
          : '';
        findings.push({
          entityRef: p.destination,
          entityRefs: [p.destination, p.source],
          message: `mesh ${a.mesh} allows ${p.source} to call ${p.destination}${
            a.policy ? ` (${a.policy})` : ''
          }, but no request was observed${window}`,
          details: {
            source: p.source,
            destination: p.destination,
            mesh: a.mesh,
            policy: a.policy,
            windowSeconds: o.windowSeconds,
          },
        });
      }
    }
    return findings;
  },
};
