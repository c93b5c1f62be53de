import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import eventsPlugin from '@backstage/plugin-events-backend';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import catalogModuleInterchange from '@interchange/plugin-catalog-backend-module-interchange';
import interchangePlugin from '@interchange/plugin-interchange-backend';
import scaffolderModuleInterchange from '@interchange/plugin-scaffolder-backend-module-interchange';

// Count every KafkaClusters the backend builds, wherever it is built: the
// registry's service factory, the plugin and the modules all load this file.
const instances: unknown[] = [];
jest.mock('../../../plugins/interchange-node/src/kafka/KafkaClusters', () => {
  const actual = jest.requireActual(
    '../../../plugins/interchange-node/src/kafka/KafkaClusters',
  );
  class CountedKafkaClusters extends actual.KafkaClusters {
    constructor(...args: any[]) {
      super(...args);
      instances.push(this);
    }
  }
  return { ...actual, KafkaClusters: CountedKafkaClusters };
});

jest.setTimeout(120_000);

describe('one backend process', () => {
  it('builds exactly one KafkaClusters, shared by the Interchange plugin, its catalog module and its scaffolder module', async () => {
    const backend = await startTestBackend({
      features: [
        mockServices.rootConfig.factory({
          data: {
            interchange: {
              kafka: {
                clusters: [{ id: 'local', brokers: ['127.0.0.1:9'] }],
                lagSampling: { enabled: false },
              },
            },
            catalog: {
              providers: {
                interchangeKafka: {
                  local: { cluster: 'local', defaultOwner: 'group:platform' },
                },
              },
            },
          },
        }),
        eventsPlugin,
        catalogPlugin,
        scaffolderPlugin,
        interchangePlugin,
        catalogModuleInterchange,
        scaffolderModuleInterchange,
      ],
    });
    let close: jest.SpyInstance | undefined;
    try {
      expect(instances).toHaveLength(1);
      const [clusters] = instances as any[];
      expect(clusters.list().map((c: { id: string }) => c.id)).toEqual([
        'local',
      ]);
      close = jest.spyOn(clusters, 'close');
    } finally {
      await backend.stop();
    }
    // Closed once, by the root lifecycle, when the backend stops.
    expect(close).toHaveBeenCalledTimes(1);
  });
});
