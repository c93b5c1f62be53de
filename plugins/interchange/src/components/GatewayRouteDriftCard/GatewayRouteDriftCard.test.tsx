import { screen } from '@testing-library/react';
import { Entity } from '@backstage/catalog-model';
import { route } from '../../__testUtils__/entities';
import { renderForEntity } from '../../__testUtils__/renderForEntity';
import { GatewayRouteDriftCard } from './GatewayRouteDriftCard';

// The card reads only the entity, which the page has already loaded: there is
// no loading or request error state of its own.
const withAnnotations = (annotations: Record<string, string>): Entity => ({
  ...route,
  metadata: { ...route.metadata, annotations },
});

describe('GatewayRouteDriftCard', () => {
  it('says a declared route has no ingestion source or drift information', async () => {
    await renderForEntity(<GatewayRouteDriftCard />, {
      entity: withAnnotations({}),
    });
    expect(
      await screen.findByText(
        'Declared in a catalog file, not ingested from gateway configuration.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/No drift information/)).toBeInTheDocument();
  });

  it('names the source and says what to do about an unmatched upstream', async () => {
    await renderForEntity(<GatewayRouteDriftCard />, {
      entity: withAnnotations({
        'interchange.dev/route-source': 'kong-config',
        'interchange.dev/route-location': 'edge/kong.yaml',
        'interchange.dev/upstream-unmatched': 'true',
        'interchange.dev/route-drift': '[]',
      }),
    });
    expect(
      await screen.findByText('Ingested from kong-config (edge/kong.yaml).'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/interchange.dev\/upstream-hosts/),
    ).toBeInTheDocument();
    expect(
      screen.getByText('The live gateway matches the configuration file.'),
    ).toBeInTheDocument();
  });

  it('lists each difference between the file and the live gateway', async () => {
    await renderForEntity(<GatewayRouteDriftCard />, {
      entity: withAnnotations({
        'interchange.dev/route-source': 'kong-config',
        'interchange.dev/route-drift': JSON.stringify([
          {
            field: 'methods',
            message: 'methods differ',
            declared: 'GET',
            actual: 'GET,POST',
          },
        ]),
      }),
    });
    expect(
      await screen.findByText(
        '1 difference between the file and the live gateway',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('declared: GET · live: GET,POST'),
    ).toBeInTheDocument();
  });
});
