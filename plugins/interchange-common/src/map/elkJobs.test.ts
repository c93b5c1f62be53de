import { buildIntegrationGraph } from '../graph';
import { companyMapModels, sizeRootJob, toElkJobs } from './elkJobs';
import { buildMapModel, NO_FILTERS } from './mapModel';
import { hashJob } from './placedJob';
import { testCompany } from '../testUtils';

const options = {
  collapseIntegrations: false,
  filters: NO_FILTERS,
  findings: [],
};

describe('toElkJobs', () => {
  const model = buildMapModel(buildIntegrationGraph(testCompany), options);

  it('makes one job per system box, and a root job linking the boxes by their members edges', () => {
    const { groups, root } = toElkJobs(model);
    const shop = groups.find(c => c.id === 'system:default/shop')!;
    expect(shop.children!.map(c => c.id)).toContain('component:default/cart');
    expect(shop.layoutOptions!['elk.algorithm']).toBe('layered');
    expect(root.children!.map(c => c.id)).toContain('system:default/shop');
    expect(root.layoutOptions!['elk.algorithm']).toBe('layered');
    expect(root.edges!.map(e => e.id)).toContain(
      '__between:system:default/shop>system:default/ops',
    );
  });

  it('makes the same jobs (same hashes) whatever order the catalog answered in', () => {
    const reversed = buildMapModel(
      buildIntegrationGraph([...testCompany].reverse()),
      options,
    );
    const hashes = (m: typeof model) => {
      const { groups, root } = toElkJobs(m);
      return [...groups, root].map(j => hashJob(JSON.stringify(j)));
    };
    expect(hashes(reversed)).toEqual(hashes(model));
  });

  it('sizes the root job’s boxes from their own jobs’ answers', () => {
    const { groups, root } = toElkJobs(model);
    sizeRootJob(
      root,
      groups,
      groups.map((_, i) => ({ width: 100 + i, height: 50, children: [] })),
    );
    const shop = groups.findIndex(g => g.id === 'system:default/shop');
    expect(root.children!.find(c => c.id === 'system:default/shop')).toEqual({
      id: 'system:default/shop',
      width: 100 + shop,
      height: 50,
    });
  });
});

describe('companyMapModels', () => {
  it('is the map as first drawn for the whole catalog, then its company view', () => {
    const graph = buildIntegrationGraph(testCompany);
    const [first, company] = companyMapModels(graph);
    expect(first).toEqual(buildMapModel(graph, options));
    expect(first.systemsOnly).toBe(false);
    expect(company.systemsOnly).toBe(true);
  });
});
