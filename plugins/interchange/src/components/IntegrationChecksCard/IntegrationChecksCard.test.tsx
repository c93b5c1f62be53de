import { screen } from '@testing-library/react';
import { Entity } from '@backstage/catalog-model';
import { component } from '../../__testUtils__/entities';
import {
  backendError,
  pending,
  renderForEntity,
} from '../../__testUtils__/renderForEntity';
import type { IntegrationCheckFinding, IntegrationChecks } from '../../api';
import {
  checksFilterFor,
  IntegrationChecksCard,
} from './IntegrationChecksCard';

const selfTopic: IntegrationCheckFinding = {
  rule: 'overengineering/self-topic',
  severity: 'warning',
  entityRef: 'kafkatopic:default/prices.v1',
  entityRefs: ['kafkatopic:default/prices.v1', 'component:default/billing'],
  owners: ['group:default/team-a'],
  systems: ['system:default/shop'],
  message: 'billing is the only producer and consumer of prices.v1',
  fix: 'Use an in-process queue.',
  details: {},
  firstSeen: '2026-12-01T10:00:00.000Z',
  lastSeen: '2026-12-02T10:00:00.000Z',
};

const checks = (findings: IntegrationCheckFinding[]): IntegrationChecks => ({
  computedAt: '2026-12-02T10:00:00.000Z',
  skippedRules: [],
  excused: 0,
  findings,
});

describe('checksFilterFor', () => {
  it('asks for what involves the entity, a system or a group', () => {
    expect(
      checksFilterFor({
        kind: 'Component',
        namespace: 'default',
        name: 'Billing',
      }),
    ).toEqual({ entityRef: 'component:default/billing' });
    expect(
      checksFilterFor({ kind: 'System', namespace: 'default', name: 'shop' }),
    ).toEqual({ system: 'system:default/shop' });
    expect(
      checksFilterFor({ kind: 'Group', namespace: 'default', name: 'team-a' }),
    ).toEqual({ owner: 'group:default/team-a' });
  });
});

describe('IntegrationChecksCard', () => {
  it('shows progress while the backend answers', async () => {
    await renderForEntity(<IntegrationChecksCard />, {
      entity: component,
      interchange: { getChecks: pending },
    });
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it("shows the backend's reason and what to do when it fails", async () => {
    await renderForEntity(<IntegrationChecksCard />, {
      entity: component,
      interchange: {
        getChecks: async () => {
          throw await backendError(503, 'database unavailable');
        },
      },
    });
    expect(
      await screen.findByText('Could not read the integration checks'),
    ).toBeInTheDocument();
    expect(screen.getByText('503: database unavailable')).toBeInTheDocument();
    expect(screen.getByText(/What to do:/)).toBeInTheDocument();
  });

  it('says so when nothing is found, and when the checks have not run', async () => {
    const { unmount } = await renderForEntity(<IntegrationChecksCard />, {
      entity: component,
      interchange: { getChecks: async () => checks([]) },
    });
    expect(await screen.findByText(/^No findings/)).toBeInTheDocument();
    expect(
      screen.getByText(/Checked 2026-12-02 10:00 UTC/),
    ).toBeInTheDocument();
    unmount();

    await renderForEntity(<IntegrationChecksCard />, {
      entity: component,
      interchange: {
        getChecks: async () => ({ skippedRules: [], excused: 0, findings: [] }),
      },
    });
    expect(
      await screen.findByText(/The checks have not run yet/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/^No findings/)).toBeNull();
  });

  it("lists the entity's findings with rule, message, fix and first sighting", async () => {
    const getChecks = jest.fn(async () =>
      checks([
        selfTopic,
        {
          ...selfTopic,
          rule: 'hygiene/public-route-without-auth',
          severity: 'error',
          details: {
            expiredException: {
              rule: 'hygiene/public-route-without-auth',
              reason: 'Partner migration',
              expires: '2025-01-31',
            },
          },
        },
      ]),
    );
    const system: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name: 'shop', namespace: 'default' },
      spec: { owner: 'team-a' },
    };
    await renderForEntity(<IntegrationChecksCard />, {
      entity: system,
      interchange: { getChecks },
    });
    expect(
      await screen.findByText('overengineering/self-topic'),
    ).toBeInTheDocument();
    expect(getChecks).toHaveBeenCalledWith({ system: 'system:default/shop' });
    expect(screen.getAllByText(selfTopic.message)).toHaveLength(2);
    expect(screen.getAllByText(/Use an in-process queue/)).toHaveLength(2);
    expect(screen.getAllByText('since 2026-12-01 10:00 UTC')).toHaveLength(2);
    expect(screen.getByText('error')).toBeInTheDocument();
    expect(
      screen.getByText(/An exception for this rule expired on 2025-01-31/),
    ).toBeInTheDocument();
  });
});
