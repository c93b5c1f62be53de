import type { MapLayoutPlacement } from '../schema/openapi/generated/models';
import type { MapLayoutJob } from './elkJobs';

/**
 * A laid-out map job: what ELK answered, kept as positions and sizes only
 * (the map draws its own edges, so ELK's routes are never read).
 *
 * @public
 */
export interface PlacedJob {
  width: number;
  height: number;
  /** Each child: id, x, y, width, height. */
  children: Array<[string, number, number, number, number]>;
}

/**
 * A 64-bit FNV-1a hash of the job's JSON, as 16 hex digits.
 *
 * @public
 */
export function hashJob(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return hex(h1) + hex(h2);
}

/**
 * A placed job as the backend serves it (`GET /map/layouts`): the
 * children's positions and sizes in the order of the job's children,
 * without their ids. A browser that built the same job (same hash) names
 * them from its own job, so the answer carries no entity ref at all.
 *
 * @public
 */
export function toMapLayoutPlacement(
  job: MapLayoutJob,
  placed: PlacedJob,
): MapLayoutPlacement {
  const byId = new Map(placed.children.map(c => [c[0], c]));
  return {
    width: placed.width,
    height: placed.height,
    children: (job.children ?? []).map(c => {
      const p = byId.get(c.id);
      if (!p) throw new Error(`The layout does not place ${c.id}`);
      return [p[1], p[2], p[3], p[4]];
    }),
  };
}

/**
 * Names a served placement's children from the job it was computed for;
 * undefined when it cannot be that job's (another number of children).
 *
 * @public
 */
export function fromMapLayoutPlacement(
  job: MapLayoutJob,
  placement: MapLayoutPlacement,
): PlacedJob | undefined {
  const children = job.children ?? [];
  if (placement.children.length !== children.length) return undefined;
  const out: PlacedJob['children'] = [];
  for (let i = 0; i < children.length; i++) {
    const [x, y, width, height] = placement.children[i];
    if (![x, y, width, height].every(n => typeof n === 'number')) {
      return undefined;
    }
    out.push([children[i].id, x, y, width, height]);
  }
  return { width: placement.width, height: placement.height, children: out };
}
