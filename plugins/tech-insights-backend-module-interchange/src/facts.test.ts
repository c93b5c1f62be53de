import { countFindings, factFor, worstLagStatus } from './facts';

describe('countFindings', () => {
  it('counts a finding for every entity it involves, by severity', () => {
    const counts = countFindings([
      {
        severity: 'error',
        entityRefs: ['component:default/a', 'kafkatopic:default/t'],
      },
      { severity: 'warning', entityRefs: ['component:default/a'] },
      { severity: 'warning', entityRefs: ['Component:default/a'] },
      { severity: 'info', entityRefs: ['kafkatopic:default/t'] },
    ]);
    expect(counts.get('component:default/a')).toEqual({
      error: 1,
      warning: 2,
      info: 0,
    });
    expect(counts.get('kafkatopic:default/t')).toEqual({
      error: 1,
      warning: 0,
      info: 1,
    });
  });
});

describe('worstLagStatus', () => {
  it('ranks statuses like the lag status rules', () => {
    expect(worstLagStatus(['OK', 'STOPPED', 'WARNING'])).toBe('STOPPED');
    expect(worstLagStatus(['OK', 'ERROR', 'STOPPED'])).toBe('ERROR');
    expect(worstLagStatus(['OK', undefined])).toBe('OK');
  });

  it('tells groups not yet sampled from entities without groups', () => {
    expect(worstLagStatus([undefined])).toBe('UNKNOWN');
    expect(worstLagStatus([])).toBe('NONE');
  });
});

describe('factFor', () => {
  it('splits the ref into the entity Tech Insights expects', () => {
    expect(factFor('kafkatopic:default/orders', { x: 1 })).toEqual({
      entity: { kind: 'kafkatopic', namespace: 'default', name: 'orders' },
      facts: { x: 1 },
    });
  });
});
