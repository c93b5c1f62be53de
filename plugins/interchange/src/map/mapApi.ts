import type {
  CheckFinding,
  ImpactDirection,
  ImpactResult,
} from '@interchange/plugin-interchange-common';
import { InterchangeApi } from '../api';

/*
 * The two backend answers the map reads: the scheduled checks' findings
 * (`GET /api/interchange/checks`) and impact (`GET /api/interchange/impact`).
 */

/** The findings of the backend's last scheduled run of the checks. */
export async function loadFindings(api: InterchangeApi): Promise<CheckFinding[]> {
  const client = api as InterchangeApi & {
    getChecks?: () => Promise<{ findings: CheckFinding[] }>;
  };
  if (!client.getChecks) {
    throw new Error('This Interchange client has no getChecks method');
  }
  return (await client.getChecks()).findings;
}

/** What depends on an entity (downstream) or what it depends on (upstream). */
export async function loadImpact(
  api: InterchangeApi,
  entityRef: string,
  direction: ImpactDirection,
  depth: number,
): Promise<ImpactResult> {
  const client = api as InterchangeApi & {
    getImpact?: (q: {
      entityRef: string;
      direction: ImpactDirection;
      depth: number;
    }) => Promise<ImpactResult>;
  };
  if (!client.getImpact) {
    throw new Error('This Interchange client has no getImpact method');
  }
  return client.getImpact({ entityRef, direction, depth });
}
