import type {
  CheckFinding,
  ImpactDirection,
  ImpactResult,
} from '@interchange/plugin-interchange-common';
import { InterchangeApi } from '../api';

/*
 * The two backend answers the map reads: the scheduled checks' findings
 * (`GET /api/interchange/checks`) and impact (`GET /api/interchange/impact`).
 * Their models are generated from the OpenAPI spec; they carry the same
 * fields as -common's CheckFinding and ImpactResult, which the map's pure
 * code takes.
 */

/** The findings of the backend's last scheduled run of the checks. */
export async function loadFindings(
  api: InterchangeApi,
): Promise<CheckFinding[]> {
  const answer = await api.getChecks();
  return answer.findings as CheckFinding[];
}

/** What depends on an entity (downstream) or what it depends on (upstream). */
export async function loadImpact(
  api: InterchangeApi,
  entityRef: string,
  direction: ImpactDirection,
  depth: number,
): Promise<ImpactResult> {
  return (await api.getImpact({ entityRef, direction, depth })) as ImpactResult;
}
