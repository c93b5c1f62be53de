import {
  INTERCHANGE_RELATION_PAIRS,
  interchangeRelationPair,
  RELATION_CONSUMES_FROM,
  RELATION_DESCRIBED_BY,
  RELATION_EXPOSED_BY,
  RELATION_PRODUCED_BY,
  RELATION_PRODUCES_TO,
} from './relations';

describe('interchangeRelationPair', () => {
  it('orients a pair from either of its types, with the titles the catalog shows', () => {
    expect(interchangeRelationPair(RELATION_PRODUCES_TO)).toEqual({
      forward: { type: 'producesTo', title: 'produces to' },
      reverse: { type: 'producedBy', title: 'produced by' },
    });
    expect(interchangeRelationPair(RELATION_PRODUCED_BY)).toEqual({
      forward: { type: 'producedBy', title: 'produced by' },
      reverse: { type: 'producesTo', title: 'produces to' },
    });
    expect(interchangeRelationPair(RELATION_CONSUMES_FROM).reverse).toEqual({
      type: 'consumedBy',
      title: 'consumed by',
    });
    expect(interchangeRelationPair(RELATION_EXPOSED_BY).reverse).toEqual({
      type: 'exposes',
      title: 'exposes',
    });
    expect(interchangeRelationPair(RELATION_DESCRIBED_BY).reverse).toEqual({
      type: 'describes',
      title: 'describes',
    });
  });

  it('is its own inverse for every pair', () => {
    for (const [a, b] of INTERCHANGE_RELATION_PAIRS) {
      expect(interchangeRelationPair(a).reverse.type).toBe(b);
      expect(interchangeRelationPair(b).reverse.type).toBe(a);
    }
  });

  it('names the known types when given another one', () => {
    expect(() => interchangeRelationPair('ownedBy')).toThrow(
      "'ownedBy' is not an Interchange relation type; known types: producesTo, producedBy, consumesFrom, consumedBy, routesTo, routedBy, exposes, exposedBy, describedBy, describes, boundTo, boundFrom, mayCall, mayBeCalledBy",
    );
  });
});
