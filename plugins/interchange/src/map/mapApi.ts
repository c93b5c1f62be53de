import type {
  CheckFinding,
  ImpactDirection,
  ImpactResult,
  MapLayout,
} from '@interchange/plugin-interchange-common';
import { InterchangeApi } from '../api';

/*
 * The backend answers the map reads: the scheduled checks' findings
 * (`GET /api/interchange/checks`), impact (`GET /api/interchange/impact`)
 * and the layouts computed ahead of time (`GET /api/interchange/map/layouts`).
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

/**
 * The layouts the backend computed ahead of time; none when it has none
 * yet, cannot answer, or the API has no such call: the browser then lays
 * the map out itself, as it does any job the backend's do not match.
 */
export async function loadLayouts(api: InterchangeApi): Promise<MapLayout[]> {
  try {
    return (await api.getMapLayouts?.())?.items ?? [];
  } catch {
    return [];
  }
}
