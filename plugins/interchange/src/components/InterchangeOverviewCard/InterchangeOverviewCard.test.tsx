import { screen } from '@testing-library/react';
import { component, route, topic, webhook } from '../../__testUtils__/entities';
import { renderForEntity } from '../../__testUtils__/renderForEntity';
import { InterchangeOverviewCard } from './InterchangeOverviewCard';

// The card reads only the entity, which the page has already loaded: there is
// no loading or request error state of its own.
describe('InterchangeOverviewCard', () => {
  it("says which kinds it is for on another kind's page", async () => {
    await renderForEntity(<InterchangeOverviewCard />, { entity: component });
    expect(
      await screen.findByText(/Component is none of them/),
    ).toHaveTextContent(/isInterchangeEntity/);
  });

  it("lists a topic's cluster, name and partitions", async () => {
    await renderForEntity(<InterchangeOverviewCard />, { entity: topic });
    expect(await screen.findByText('Kafka topic')).toBeInTheDocument();
    expect(screen.getByText('prod-eu')).toBeInTheDocument();
    expect(screen.getByText('orders.placed.v1')).toBeInTheDocument();
    expect(screen.getByText('Partitions')).toBeInTheDocument();
  });

  it("lists a route's gateway and paths", async () => {
    await renderForEntity(<InterchangeOverviewCard />, { entity: route });
    expect(await screen.findByText('Gateway route')).toBeInTheDocument();
    expect(screen.getByText('/v1/orders')).toBeInTheDocument();
  });

  it("lists a webhook's events and the secret's name, not its value", async () => {
    await renderForEntity(<InterchangeOverviewCard />, { entity: webhook });
    expect(await screen.findByText('Webhook')).toBeInTheDocument();
    expect(screen.getByText('order.placed')).toBeInTheDocument();
    expect(screen.getByText('partner')).toBeInTheDocument();
  });

  it('marks a shared-token webhook as weaker than HMAC and shows the URL secret by name', async () => {
    await renderForEntity(<InterchangeOverviewCard />, {
      entity: {
        ...webhook,
        spec: {
          ...webhook.spec,
          url: 'https://hooks.zapier.com/hooks/catch/{secret}/',
          urlSecretRef: 'zap-orders-hook',
          signing: {
            scheme: 'shared-token',
            secretRef: 'zap-token',
            header: 'x-zap-token',
          },
        },
      },
    });
    expect(
      await screen.findByText(
        '(weaker than an HMAC signature: no body or replay protection)',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('x-zap-token')).toBeInTheDocument();
    expect(screen.getByText('zap-orders-hook')).toBeInTheDocument();
    expect(
      screen.getByText('https://hooks.zapier.com/hooks/catch/{secret}/'),
    ).toBeInTheDocument();
  });
});
