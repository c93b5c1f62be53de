import { summarizeFinding } from './findingSummary';

describe('summarizeFinding', () => {
  it('keeps what a finding says and leaves out its details', () => {
    expect(
      summarizeFinding({
        rule: 'unowned',
        severity: 'warning',
        entityRef: 'kafkatopic:default/orders',
        entityRefs: ['kafkatopic:default/orders'],
        message: 'orders has no owner',
        fix: 'Set spec.owner',
        details: { field: 'spec.owner' },
      }),
    ).toEqual({
      rule: 'unowned',
      severity: 'warning',
      entityRef: 'kafkatopic:default/orders',
      entityRefs: ['kafkatopic:default/orders'],
      message: 'orders has no owner',
      fix: 'Set spec.owner',
    });
  });
});
