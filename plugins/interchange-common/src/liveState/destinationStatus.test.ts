import {
  destinationStatus,
  DestinationSignals,
  worstDestination,
} from './destinationStatus';

const signals = (s: Partial<DestinationSignals>): DestinationSignals => ({
  depth: 10,
  drained: false,
  consumersAttached: true,
  progressing: true,
  growing: false,
  ...s,
});

describe('destinationStatus', () => {
  it('applies the first rule that matches, in order', () => {
    const at = (s: Partial<DestinationSignals>) =>
      destinationStatus(signals(s), {
        errorDepth: 100,
        errorTimeLagMs: 60_000,
      });
    expect(at({ drained: true, regressed: true })).toEqual({
      status: 'OK',
      rule: 'drained',
    });
    expect(at({ regressed: true, progressing: undefined }).rule).toBe(
      'regressed',
    );
    expect(at({ progressing: undefined, depth: 1_000 })).toEqual({
      status: 'OK',
      rule: 'too-few-samples',
    });
    expect(at({ progressing: false, consumersAttached: false })).toEqual({
      status: 'STOPPED',
      rule: 'stopped',
    });
    expect(at({ progressing: false, depth: 1_000 })).toEqual({
      status: 'STALLED',
      rule: 'stalled',
    });
    expect(at({ growing: true })).toEqual({
      status: 'WARNING',
      rule: 'falling-behind',
    });
    expect(at({})).toEqual({ status: 'OK', rule: 'keeping-up' });
  });

  it('is ERROR past a depth whatever the trend, past a time lag only while growing', () => {
    expect(
      destinationStatus(signals({ depth: 101 }), { errorDepth: 100 }).rule,
    ).toBe('over-threshold');
    expect(
      destinationStatus(signals({ depth: 100 }), { errorDepth: 100 }).rule,
    ).toBe('keeping-up');
    const late = { timeLagMs: 60_000 };
    expect(
      destinationStatus(signals({ ...late, growing: true }), {
        errorTimeLagMs: 60_000,
      }).status,
    ).toBe('ERROR');
    expect(
      destinationStatus(signals(late), { errorTimeLagMs: 60_000 }).status,
    ).toBe('OK');
    expect(
      destinationStatus(signals({ growing: true }), { errorTimeLagMs: 1 })
        .status,
    ).toBe('WARNING');
  });
});

describe('worstDestination', () => {
  it('takes the most severe, the first of equals', () => {
    const items = [
      { id: 'a', status: 'WARNING' as const },
      { id: 'b', status: 'STOPPED' as const },
      { id: 'c', status: 'STOPPED' as const },
      { id: 'd', status: 'STALLED' as const },
    ];
    expect(worstDestination(items)?.id).toBe('b');
    expect(worstDestination([])).toBeUndefined();
  });
});
