import {
  fromMapLayoutPlacement,
  hashJob,
  PlacedJob,
  toMapLayoutPlacement,
} from './placedJob';

describe('placed jobs', () => {
  it('hashes a job to 16 hex digits, different for different jobs', () => {
    const a = hashJob('{"id":"system:default/a","children":[]}');
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(hashJob('{"id":"system:default/a","children":[]}')).toBe(a);
    expect(hashJob('{"id":"system:default/b","children":[]}')).not.toBe(a);
  });

  const job = {
    id: 'system:default/shop',
    children: [{ id: 'component:default/b' }, { id: 'component:default/a' }],
  };
  const placed: PlacedJob = {
    width: 300,
    height: 200,
    children: [
      ['component:default/a', 16, 40, 190, 46],
      ['component:default/b', 16, 110, 190, 46],
    ],
  };

  it('serves a placement without ids, in the order of the job, and names it back from the same job', () => {
    const served = toMapLayoutPlacement(job, placed);
    expect(JSON.stringify(served)).not.toContain('component:');
    expect(served).toEqual({
      width: 300,
      height: 200,
      children: [
        [16, 110, 190, 46],
        [16, 40, 190, 46],
      ],
    });
    expect(fromMapLayoutPlacement(job, served)).toEqual({
      width: 300,
      height: 200,
      children: [
        ['component:default/b', 16, 110, 190, 46],
        ['component:default/a', 16, 40, 190, 46],
      ],
    });
  });

  it('refuses a placement that cannot be the job’s, and a layout that misses a child', () => {
    const served = toMapLayoutPlacement(job, placed);
    expect(
      fromMapLayoutPlacement({ id: 'x', children: [{ id: 'a' }] }, served),
    ).toBeUndefined();
    expect(
      fromMapLayoutPlacement(job, { ...served, children: [[1], [2]] }),
    ).toBeUndefined();
    expect(() =>
      toMapLayoutPlacement(
        { id: 'x', children: [{ id: 'component:default/c' }] },
        placed,
      ),
    ).toThrow('does not place component:default/c');
  });
});
