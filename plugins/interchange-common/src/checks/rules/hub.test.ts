import { component, runRule, topic } from '../testEntities';
import { hubRule } from './hub';

function partners(n: number) {
  return [
    component('hub'),
    ...Array.from({ length: n }, (_, i) => component(`p${i}`)),
    topic('out', {
      producers: ['hub'],
      consumers: Array.from({ length: n }, (_, i) => `p${i}`),
    }),
  ];
}

describe('coupling/hub', () => {
  it('reports a component with 13 distinct partners', () => {
    const findings = runRule(hubRule, partners(13));
    expect(findings.map(f => f.entityRef)).toEqual(['component:default/hub']);
    expect(findings[0].details?.count).toBe(13);
  });

  it('does not report 12 partners (near miss)', () => {
    expect(runRule(hubRule, partners(12))).toEqual([]);
  });
});
