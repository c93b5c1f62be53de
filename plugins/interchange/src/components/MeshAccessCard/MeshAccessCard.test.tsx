import { screen } from '@testing-library/react';
import { component } from '../../__testUtils__/entities';
import {
  backendError,
  pending,
  renderForEntity,
} from '../../__testUtils__/renderForEntity';
import type { MeshAccess } from '../../api';
import { MeshAccessCard } from './MeshAccessCard';

const mesh = {
  id: 'shop-mesh',
  type: 'istio' as const,
  title: 'shop-mesh',
  windowSeconds: 86400,
  metrics: true,
};

const access: MeshAccess = {
  entityRef: 'component:default/order-service',
  meshes: [mesh],
  callers: [
    {
      entityRef: 'component:default/inventory-service',
      declared: false,
      declaredVia: [],
      allowed: [
        {
          mesh: 'shop-mesh',
          decision: 'allow',
          conditional: false,
          reason:
            'AuthorizationPolicy fulfillment/order-service-callers (ALLOW) matches',
          policy: 'AuthorizationPolicy fulfillment/order-service-callers',
        },
      ],
      observed: [{ mesh: 'shop-mesh', requests: 42, windowSeconds: 86400 }],
      differences: ['mesh/undeclared-call'],
    },
  ],
  callees: [
    {
      entityRef: 'component:default/payment-service',
      declared: true,
      declaredVia: ['api:default/payments-api'],
      allowed: [],
      observed: [{ mesh: 'shop-mesh', requests: 0 }],
      differences: [],
    },
  ],
  allowAny: [],
  findings: [
    {
      rule: 'mesh/undeclared-call',
      severity: 'warning',
      entityRef: 'component:default/inventory-service',
      entityRefs: [
        'component:default/inventory-service',
        'component:default/order-service',
      ],
      message:
        'component:default/inventory-service calls component:default/order-service, not declared in the catalog',
      fix: 'Declare it.',
    },
  ],
};

describe('MeshAccessCard', () => {
  it('shows progress while the backend answers', async () => {
    await renderForEntity(<MeshAccessCard />, {
      entity: component,
      interchange: { getMeshAccess: pending },
    });
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it("shows the backend's reason when it fails", async () => {
    await renderForEntity(<MeshAccessCard />, {
      entity: component,
      interchange: {
        getMeshAccess: async () => {
          throw await backendError(
            404,
            'component:default/x is not in the catalog',
          );
        },
      },
    });
    expect(
      await screen.findByText('Could not read the mesh access'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('404: component:default/x is not in the catalog'),
    ).toBeInTheDocument();
  });

  it('says when no mesh is configured, and when nothing involves the component', async () => {
    const { unmount } = await renderForEntity(<MeshAccessCard />, {
      entity: component,
      interchange: {
        getMeshAccess: async () => ({ ...access, meshes: [] }),
      },
    });
    expect(
      await screen.findByText(/No service mesh is configured/),
    ).toBeInTheDocument();
    unmount();
    await renderForEntity(<MeshAccessCard />, {
      entity: component,
      interchange: {
        getMeshAccess: async () => ({
          ...access,
          callers: [],
          callees: [],
          findings: [],
        }),
      },
    });
    expect(
      await screen.findByText(/No mesh rule, declared call or observed call/),
    ).toBeInTheDocument();
  });

  it('shows callers and callees with declared, allowed and observed, and the differences', async () => {
    await renderForEntity(<MeshAccessCard />, {
      entity: component,
      interchange: { getMeshAccess: async () => access },
    });
    expect(await screen.findByText('Callers')).toBeInTheDocument();
    const callers = screen.getByRole('table', { name: 'Callers' });
    expect(callers).toHaveTextContent('inventory-service');
    expect(callers).toHaveTextContent('no');
    expect(callers).toHaveTextContent(
      'allow — AuthorizationPolicy fulfillment/order-service-callers',
    );
    expect(callers).toHaveTextContent('42 requests');
    expect(callers).toHaveTextContent('mesh/undeclared-call');
    const callees = screen.getByRole('table', { name: 'Callees' });
    expect(callees).toHaveTextContent('yes (api:default/payments-api)');
    expect(callees).toHaveTextContent('no rule');
    expect(callees).toHaveTextContent('0 requests');
    expect(
      screen.getByText(/not declared in the catalog$/),
    ).toBeInTheDocument();
  });

  it('says which mesh observed what when several meshes have metrics, and the window as configured', async () => {
    const linkerd = {
      ...mesh,
      id: 'linkerd-mesh',
      type: 'linkerd' as const,
      title: 'Linkerd',
      windowSeconds: 600,
    };
    await renderForEntity(<MeshAccessCard />, {
      entity: component,
      interchange: {
        getMeshAccess: async () => ({
          ...access,
          meshes: [mesh, linkerd],
          callers: [
            {
              ...access.callers[0],
              observed: [
                { mesh: 'shop-mesh', requests: 42, windowSeconds: 86400 },
                { mesh: 'linkerd-mesh', requests: 1, windowSeconds: 600 },
              ],
            },
          ],
        }),
      },
    });
    expect(
      await screen.findByText(
        'shop-mesh (istio, traffic over the last 1 d); Linkerd (linkerd, traffic over the last 10 min)',
      ),
    ).toBeInTheDocument();
    const callers = screen.getByRole('table', { name: 'Callers' });
    expect(callers).toHaveTextContent('shop-mesh: 42 requests');
    expect(callers).toHaveTextContent('linkerd-mesh: 1 request');
  });
});
