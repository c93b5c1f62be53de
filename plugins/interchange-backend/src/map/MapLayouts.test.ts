import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  buildIntegrationGraph,
  companyMapModels,
  ENTITY_SIZE,
  fromMapLayoutPlacement,
  hashJob,
  MAP_KINDS,
  toElkJobs,
} from '@interchange/plugin-interchange-common';
import { demoEntities } from '../__testUtils__/demoCatalog';
import { ElkLayoutWorker } from './ElkLayoutWorker';
import { MapLayouts } from './MapLayouts';

jest.setTimeout(60_000);

/** A generated company: `systems` systems of `size` components in a chain. */
function company(systems: number, size: number): Entity[] {
  const out: Entity[] = [];
  for (let s = 0; s < systems; s++) {
    out.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name: `s${s}`, namespace: 'default' },
      spec: { owner: 'team' },
    });
    for (let c = 0; c < size; c++) {
      out.push({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: `s${s}-c${c}`, namespace: 'default' },
        spec: {
          type: 'service',
          owner: 'team',
          lifecycle: 'production',
          system: `s${s}`,
          dependsOn: [
            ...(c > 0 ? [`component:s${s}-c${c - 1}`] : []),
            ...(c > 1 ? [`component:s${s}-c${c >> 1}`] : []),
            ...(c === 0 && s > 0 ? [`component:s${s - 1}-c0`] : []),
          ],
        },
      });
    }
  }
  return out;
}

describe('MapLayouts', () => {
  const logger = mockServices.logger.mock();

  it('lays the demo catalog’s map out in a worker: every job the browser makes, placed, with no entity refs', async () => {
    const layouts = new MapLayouts({ logger });
    expect(layouts.list()).toEqual({ items: [] });
    const entities = demoEntities();
    layouts.update(entities);
    await layouts.settled();
    const { computedAt, items } = layouts.list();
    expect(computedAt).toBeDefined();
    expect(JSON.stringify(items)).not.toMatch(/component:|system:|api:/);

    // The browser's jobs, from the kinds it reads, in reverse catalog order.
    const graph = buildIntegrationGraph(
      entities.filter(e => MAP_KINDS.includes(e.kind)).reverse(),
    );
    const served = new Map(items.map(i => [i.hash, i.job]));
    const jobs = companyMapModels(graph).map(toElkJobs);
    // The map as first drawn (system boxes and their root), the company view.
    expect(jobs.map(j => j.groups.length)).toEqual([expect.any(Number), 0]);
    expect(items).toHaveLength(jobs[0].groups.length + 2);
    for (const { groups, root } of jobs) {
      const sizes = [];
      for (const g of groups) {
        const placement = served.get(hashJob(JSON.stringify(g)));
        expect(placement).toBeDefined();
        const placed = fromMapLayoutPlacement(g, placement!)!;
        // A real layout: every member inside its box, none overlapping.
        const boxes = placed.children;
        for (const [i, [, x, y, w, h]] of boxes.entries()) {
          expect([w, h]).toEqual([ENTITY_SIZE.width, ENTITY_SIZE.height]);
          expect(x + w).toBeLessThanOrEqual(placed.width);
          expect(y + h).toBeLessThanOrEqual(placed.height);
          for (const [, x2, y2, w2, h2] of boxes.slice(i + 1)) {
            const apart =
              x + w <= x2 || x2 + w2 <= x || y + h <= y2 || y2 + h2 <= y;
            expect(apart).toBe(true);
          }
        }
        sizes.push(placed);
      }
      for (const [i, g] of groups.entries()) {
        const child = root.children!.find(c => c.id === g.id)!;
        child.width = sizes[i].width;
        child.height = sizes[i].height;
      }
      expect(served.has(hashJob(JSON.stringify(root)))).toBe(true);
    }
  });

  it('lays out again only when the jobs change, and then only the changed ones', async () => {
    const newWorker = jest.fn(() => new ElkLayoutWorker());
    const layouts = new MapLayouts({ logger, newWorker });
    const entities = company(4, 6);
    layouts.update(entities);
    await layouts.settled();
    const first = layouts.list();
    expect(newWorker).toHaveBeenCalledTimes(1);

    layouts.update(structuredClone(entities).reverse());
    await layouts.settled();
    expect(newWorker).toHaveBeenCalledTimes(1);
    expect(layouts.list()).toEqual(first);

    // One more component in s3: its box and the roots are laid out again.
    const more = company(4, 6);
    more.push({
      ...more[more.length - 1],
      metadata: { name: 's3-extra', namespace: 'default' },
    });
    const worker = new ElkLayoutWorker();
    const layout = jest.spyOn(worker, 'layout');
    newWorker.mockReturnValueOnce(worker);
    layouts.update(more);
    await layouts.settled();
    const laidOut = layout.mock.calls.map(([job]) => job.id);
    expect(laidOut).toContain('system:default/s3');
    // The other boxes are unchanged; the roots only when a box's size moved.
    expect(laidOut.filter(id => id !== '__root')).toEqual([
      'system:default/s3',
    ]);
    const hashes = new Set(layouts.list().items.map(i => i.hash));
    expect(hashes.size).toBe(layouts.list().items.length);
  });

  it('keeps the event loop responsive while ELK lays out a big map', async () => {
    const layouts = new MapLayouts({ logger });
    const entities = company(40, 40);
    let worst = 0;
    let ticks = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      worst = Math.max(worst, now - last);
      last = now;
      ticks += 1;
    }, 5);
    const started = performance.now();
    try {
      layouts.update(entities);
      await layouts.settled();
    } finally {
      clearInterval(timer);
    }
    const took = performance.now() - started;
    expect(layouts.list().items.length).toBe(40 + 1 + 1);
    // ELK took far longer than any pause of this thread, which kept
    // turning meanwhile: it runs in the worker. (Relative, not a bound in
    // ms: the wall-clock pause depends on the machine's load, and speed
    // goals live in yarn bench:map.)
    expect(took).toBeGreaterThan(4 * worst);
    expect(ticks).toBeGreaterThanOrEqual(4);
  });

  it('says why when the worker stops mid-layout, and serves nothing half done', async () => {
    const worker = new ElkLayoutWorker();
    const layout = worker.layout.bind(worker);
    // The thread ends while its first job runs.
    jest.spyOn(worker, 'layout').mockImplementation(job => {
      const answer = layout(job);
      void worker.close();
      return answer;
    });
    const layouts = new MapLayouts({ logger, newWorker: () => worker });
    layouts.update(company(2, 3));
    await layouts.settled();
    expect(layouts.list()).toEqual({ items: [] });
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('The ELK layout worker was closed'),
    );
  });
});
