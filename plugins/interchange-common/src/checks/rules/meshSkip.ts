import { CheckRuleRunOptions } from '../types';

/** Why a mesh rule cannot run: no mesh is configured. */
export function meshSkipReason({
  liveData,
}: CheckRuleRunOptions): string | undefined {
  return liveData?.meshes?.length
    ? undefined
    : 'needs live data: service mesh policy (interchange.meshes)';
}

/** `7 d`, `24 h`, `30 min` for messages. */
export function formatWindow(seconds: number): string {
  if (seconds % 86400 === 0) return `${seconds / 86400} d`;
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  return `${Math.round(seconds / 60)} min`;
}
