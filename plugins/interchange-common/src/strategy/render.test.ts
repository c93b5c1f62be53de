import { buildIntegrationGraph } from '../graph';
import { runChecks } from '../checks';
import {
  component,
  group,
  route,
  system,
  topic,
  webhook,
} from '../checks/testEntities';
import { readStrategyConfig } from './config';
import {
  generateIntegrationStrategy,
  renderIntegrationStrategy,
  STRATEGY_SECTIONS,
} from './render';
import { IntegrationStrategyInput } from './types';

const NOW = '2026-06-01T12:00:00.000Z';

function catalog() {
  return [
    group('team-a'),
    group('team-b'),
    system('shop'),
    { ...system('billing'), spec: { owner: 'team-b' } },
    component('cart', { system: 'shop', producesTo: ['shop.cart.v1'] }),
    component('invoicer', {
      system: 'billing',
      owner: 'team-b',
      consumesFrom: ['shop.cart.v1'],
    }),
    topic('shop.cart.v1', { schema: undefined }),
    topic('BadName', { owner: 'team-b' }),
    webhook('partner-hook', {
      owner: 'team-b',
      sender: 'invoicer',
      url: 'https://partner.example.com/hook',
      signing: { scheme: 'none' },
    }),
    {
      ...route('public-api', {
        owner: 'team-b',
        gateway: 'kong-edge',
        paths: ['/api'],
        upstream: 'invoicer',
        exposure: 'public',
      }),
      metadata: {
        name: 'public-api',
        annotations: {
          'interchange.dev/check-exceptions':
            '- rule: hygiene/public-route-without-auth\n  reason: Open by design | status page\n  expires: 2026-01-31\n',
        },
      },
    },
  ];
}

function input(
  overrides: Partial<IntegrationStrategyInput> = {},
  entities: unknown[] = catalog(),
): IntegrationStrategyInput {
  const config = readStrategyConfig({
    kafka: {
      clusters: [
        {
          id: 'local',
          brokers: ['a:9092', 'b:9092'],
          policy: {
            namePattern: '^[a-z]+\\.[a-z0-9-]+\\.v[0-9]+$',
            nameDescription: '<domain>.<event>.v<version>',
          },
        },
      ],
    },
    gateways: [{ id: 'kong-edge', type: 'kong', title: 'Kong' }],
    strategy: {
      principles: [
        { title: 'Events first', body: 'Systems talk through **events**.' },
        { title: 'Sign every webhook', body: 'Partners verify us.' },
      ],
    },
  });
  const graph = buildIntegrationGraph(entities);
  const { findings } = runChecks(graph, {
    config: config.checks,
    now: new Date(NOW),
  });
  return { entities, findings, ...config, generatedAt: NOW, ...overrides };
}

const headings = (md: string) => md.split('\n').filter(l => /^#{1,2} /.test(l));

describe('renderIntegrationStrategy', () => {
  it('has one H1 and the sections in their documented order', () => {
    const md = renderIntegrationStrategy(input());
    expect(headings(md)).toEqual([
      '# Integration strategy',
      '## Principles',
      '## Scope',
      '## Integration styles per system',
      '## Platforms and tools',
      '## Standards in force',
      '## Conformance per team',
      '## Exceptions',
      '## Hotspots',
      '## What changed',
    ]);
    expect(STRATEGY_SECTIONS).toEqual(
      headings(md)
        .slice(1)
        .map(h => h.slice(3)),
    );
  });

  it('is deterministic: same input, same bytes, whatever the input order', () => {
    const a = renderIntegrationStrategy(input());
    const base = input();
    const shuffled = renderIntegrationStrategy({
      ...base,
      entities: undefined,
      graph: buildIntegrationGraph([...catalog()].reverse()),
      findings: [...base.findings].reverse(),
    });
    expect(renderIntegrationStrategy(input())).toBe(a);
    expect(shuffled).toBe(a);
  });

  it('carries no time when generatedAt is left out', () => {
    const md = renderIntegrationStrategy(input({ generatedAt: undefined }));
    expect(md).not.toContain('2026-06-01T');
    expect(md).not.toContain('| Status |');
    expect(md).toContain('| 2026-01-31 |');
  });

  it('puts the principles near the top as headed paragraphs', () => {
    const md = renderIntegrationStrategy(input());
    expect(md).toContain(
      '### Events first\n\nSystems talk through **events**.\n\n### Sign every webhook\n\nPartners verify us.\n',
    );
    expect(md.indexOf('### Events first')).toBeLessThan(md.indexOf('## Scope'));
  });

  it('counts scope, styles, platforms and standards from the catalog', () => {
    const md = renderIntegrationStrategy(input());
    expect(md).toContain(
      '2 systems, 2 teams (owners of components, systems, APIs, resources and integrations), 2 components, 4 integration entities and 1 component-to-component connection.',
    );
    expect(md).toContain('| Event | 2 | 1 |');
    expect(md).toContain('| Webhook | 1 | 0 |');
    expect(md).toContain('| HTTP | 1 | 0 |');
    // billing: invoicer consumes (event), sends a webhook, is an upstream (http).
    expect(md).toContain(
      '| `system:default/billing` | `group:default/team-b` | 1 | 1 (33%) | 1 (33%) | 1 (33%) | 0 (0%) | 3 |',
    );
    expect(md).toContain(
      '| Kafka cluster | `local` |  | 2 bootstrap brokers | yes | 2 |',
    );
    expect(md).toContain(
      '| API gateway (Kong) | `kong-edge` | Kong | kong | yes | 1 |',
    );
    expect(md).toContain('1 of 2 topics match');
    expect(md).toContain('0 of 1 webhooks signed; 1 open finding');
    expect(md).toContain('0 of 1 public or partner routes authenticated');
  });

  it('scores teams by the share of their entities without an error or warning finding', () => {
    const md = renderIntegrationStrategy(input());
    // team-b owns billing, invoicer, BadName, partner-hook, public-api (5):
    // partner-hook (unsigned) and public-api (expired exception) are errors,
    // BadName is an orphan and writerless topic (warnings): 2 of 5 conform.
    const row = md
      .split('\n')
      .find(l => l.startsWith('| `group:default/team-b` |'));
    expect(row).toMatch(/^\| `group:default\/team-b` \| 5 \| 40% \| 2 \| 2 \|/);
  });

  it('lists exceptions with reason, expiry and status, escaping table pipes', () => {
    const md = renderIntegrationStrategy(input());
    expect(md).toContain(
      '| `gatewayroute:default/public-api` | `group:default/team-b` | `hygiene/public-route-without-auth` | Open by design \\| status page | 2026-01-31 | expired |',
    );
  });

  it('says what changed since the previous snapshot', () => {
    const first = generateIntegrationStrategy(input());
    expect(first.markdown).toContain('this document is the baseline');
    expect(first.snapshot.counts.systems).toBe(2);
    expect(first.snapshot.findingKeys).toContain(
      'hygiene/unsigned-webhook webhook:default/partner-hook',
    );

    const same = renderIntegrationStrategy(
      input({ previousSnapshot: { ...first.snapshot, takenAt: '2026-05-31' } }),
    );
    expect(same).toContain(
      'Nothing changed since the last snapshot (2026-05-31).',
    );

    const fewer = catalog().filter(
      e =>
        (e as { metadata: { name: string } }).metadata.name !== 'partner-hook',
    );
    const later = renderIntegrationStrategy(
      input({ previousSnapshot: first.snapshot }, fewer),
    );
    expect(later).toContain('| `integrations.Webhook` | 1 | 0 | -1 |');
    expect(later).toContain(
      'Resolved findings:\n\n- `hygiene/unsigned-webhook` on `webhook:default/partner-hook`',
    );
  });

  it('renders an empty catalog without failing', () => {
    const md = renderIntegrationStrategy({
      entities: [],
      findings: [],
      ...readStrategyConfig(undefined),
    });
    expect(headings(md)).toHaveLength(STRATEGY_SECTIONS.length + 1);
    expect(md).toContain('No principles are configured.');
    expect(md).toContain('No exceptions are declared.');
  });
});
