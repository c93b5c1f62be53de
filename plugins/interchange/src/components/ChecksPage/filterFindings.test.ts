import type { IntegrationCheckFinding } from '../../api';
import { choices, filterFindings, NO_FILTER } from './filterFindings';

const finding = (
  rule: string,
  extra: Partial<IntegrationCheckFinding> = {},
): IntegrationCheckFinding => ({
  rule,
  severity: 'warning',
  entityRef: 'kafkatopic:default/t',
  entityRefs: ['kafkatopic:default/t'],
  owners: ['group:default/team-a'],
  systems: ['system:default/shop'],
  message: 'm',
  fix: 'f',
  details: {},
  firstSeen: '2026-12-01T10:00:00.000Z',
  lastSeen: '2026-12-02T10:00:00.000Z',
  ...extra,
});

describe('filterFindings', () => {
  const all = [
    finding('hygiene/orphan-topic'),
    finding('coupling/sync-cycle', {
      severity: 'error',
      owners: ['group:default/team-b'],
      systems: ['system:default/a', 'system:default/b'],
      firstSeen: '2026-12-03T00:00:00.000Z',
    }),
  ];

  it('keeps everything without filters', () => {
    expect(filterFindings(all, NO_FILTER)).toEqual(all);
  });

  it('filters by rule, severity, team, system and first sighting', () => {
    const rules = (filter: Partial<typeof NO_FILTER>) =>
      filterFindings(all, { ...NO_FILTER, ...filter }).map(f => f.rule);
    expect(rules({ rule: 'hygiene/orphan-topic' })).toEqual([
      'hygiene/orphan-topic',
    ]);
    expect(rules({ severity: 'error' })).toEqual(['coupling/sync-cycle']);
    expect(rules({ team: 'group:default/team-a' })).toEqual([
      'hygiene/orphan-topic',
    ]);
    expect(rules({ system: 'system:default/b' })).toEqual([
      'coupling/sync-cycle',
    ]);
    // On or after the day, UTC.
    expect(rules({ newSince: '2026-12-03' })).toEqual(['coupling/sync-cycle']);
    expect(rules({ newSince: '2026-12-01' })).toHaveLength(2);
    expect(rules({ newSince: '2026-12-04' })).toEqual([]);
  });

  it('lists the distinct choices, sorted', () => {
    expect(choices(all, f => f.systems)).toEqual([
      'system:default/a',
      'system:default/b',
      'system:default/shop',
    ]);
  });
});
