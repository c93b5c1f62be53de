import { fireEvent, screen, within } from '@testing-library/react';
import {
  backendError,
  pending,
  renderForEntity,
} from '../../__testUtils__/renderForEntity';
import type { IntegrationCheckFinding } from '../../api';
import { ChecksPage } from './ChecksPage';

const finding = (
  rule: string,
  entityRef: string,
  extra: Partial<IntegrationCheckFinding> = {},
): IntegrationCheckFinding => ({
  rule,
  severity: 'warning',
  entityRef,
  entityRefs: [entityRef],
  owners: ['group:default/team-a'],
  systems: ['system:default/shop'],
  message: `${entityRef} breaks ${rule}`,
  fix: 'Fix it.',
  details: {},
  firstSeen: '2026-12-01T10:00:00.000Z',
  lastSeen: '2026-12-02T10:00:00.000Z',
  ...extra,
});

const findings = [
  finding('coupling/sync-cycle', 'system:default/fulfillment', {
    severity: 'error',
    owners: ['group:default/team-b'],
    systems: ['system:default/fulfillment', 'system:default/storefront'],
    firstSeen: '2026-12-03T08:00:00.000Z',
  }),
  finding('hygiene/orphan-topic', 'kafkatopic:default/legacy.erp-sync'),
];

const rowsShown = () =>
  screen
    .getAllByRole('row')
    .map(r => r.textContent ?? '')
    .filter(t => t.includes(' breaks '));

describe('ChecksPage', () => {
  it('shows progress while the backend answers', async () => {
    await renderForEntity(<ChecksPage />, {
      interchange: { getChecks: pending },
    });
    expect(await screen.findAllByRole('progressbar')).not.toHaveLength(0);
  });

  it("shows the backend's reason and what to do when it fails", async () => {
    await renderForEntity(<ChecksPage />, {
      interchange: {
        getChecks: async () => {
          throw await backendError(401, 'no token');
        },
      },
    });
    expect(
      await screen.findByText('Could not read the integration checks'),
    ).toBeInTheDocument();
    expect(screen.getByText('401: no token')).toBeInTheDocument();
    expect(screen.getByText(/Sign in again/)).toBeInTheDocument();
  });

  it('says when the checks have not run yet', async () => {
    await renderForEntity(<ChecksPage />, {
      interchange: {
        getChecks: async () => ({ skippedRules: [], excused: 0, findings: [] }),
      },
    });
    expect(await screen.findByText('0 findings')).toBeInTheDocument();
    expect(screen.getByText(/The checks have not run yet/)).toBeInTheDocument();
  });

  it('lists findings and filters them by rule, severity, team, system and new since', async () => {
    await renderForEntity(<ChecksPage />, {
      interchange: {
        getChecks: async () => ({
          computedAt: '2026-12-03T09:00:00.000Z',
          skippedRules: [
            { rule: 'drift/kafka-topic', reason: 'needs live data' },
          ],
          excused: 2,
          findings,
        }),
      },
    });
    expect(await screen.findByText('2 findings')).toBeInTheDocument();
    expect(
      screen.getByText(/Checked 2026-12-03 09:00 UTC; 2 excused/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/drift\/kafka-topic \(needs live data\)/),
    ).toBeInTheDocument();
    expect(rowsShown()).toHaveLength(2);

    const change = (label: string, value: string) =>
      fireEvent.change(screen.getByLabelText(label), { target: { value } });

    change('Rule', 'hygiene/orphan-topic');
    expect(await screen.findByText('1 findings')).toBeInTheDocument();
    expect(rowsShown()[0]).toContain('legacy.erp-sync');
    change('Rule', '');

    change('Severity', 'error');
    expect(await screen.findByText('1 findings')).toBeInTheDocument();
    expect(rowsShown()[0]).toContain('coupling/sync-cycle');
    change('Severity', '');

    change('Team', 'group:default/team-a');
    expect(rowsShown()).toHaveLength(1);
    expect(rowsShown()[0]).toContain('hygiene/orphan-topic');
    change('Team', '');

    change('System', 'system:default/storefront');
    expect(rowsShown()).toHaveLength(1);
    expect(rowsShown()[0]).toContain('coupling/sync-cycle');
    change('System', '');

    change('New since', '2026-12-02');
    expect(rowsShown()).toHaveLength(1);
    expect(rowsShown()[0]).toContain('coupling/sync-cycle');

    // The rule filter offers the rules present.
    const options = within(screen.getByLabelText('Rule'))
      .getAllByRole('option')
      .map(o => o.textContent);
    expect(options).toEqual([
      'any',
      'coupling/sync-cycle',
      'hygiene/orphan-topic',
    ]);
  });
});
