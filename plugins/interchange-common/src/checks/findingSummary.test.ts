import { CheckFindingSummary, summarizeFinding } from './findingSummary';

describe('summarizeFinding', () => {
  it('keeps what a finding says and leaves out its details', () => {
    const said: CheckFindingSummary = {
      rule: 'unowned',
      severity: 'warning',
      entityRef: 'kafkatopic:default/orders',
      entityRefs: ['kafkatopic:default/orders'],
      message: 'orders has no owner',
      fix: 'Set spec.owner',
    };
    const summary = summarizeFinding({
      ...said,
      details: { field: 'spec.owner' },
    });
    expect(summary).toEqual(said);
    expect(Object.keys(summary)).toEqual(Object.keys(said));
  });
});
