import type { ImpactResult } from '../graph';
import { FocusSet } from './mapModel';

/**
 * The entities focus mode keeps: the focused one, what depends on it
 * (downstream) and what it depends on (upstream), with everything on the
 * paths between them.
 *
 * @public
 */
export function focusSetOf(
  center: string,
  downstream: ImpactResult,
  upstream: ImpactResult,
): FocusSet {
  const set: FocusSet = new Map([[center, 'center']]);
  const add = (ref: string, side: 'downstream' | 'upstream') => {
    const current = set.get(ref);
    if (!current) set.set(ref, side);
    else if (current !== side && current !== 'center') set.set(ref, 'both');
  };
  for (const [result, side] of [
    [downstream, 'downstream'],
    [upstream, 'upstream'],
  ] as const) {
    for (const entry of result.reached) {
      for (const ref of entry.path.slice(1)) add(ref, side);
    }
  }
  return set;
}
