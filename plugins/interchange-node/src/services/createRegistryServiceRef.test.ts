import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Config } from '@backstage/config';
import { createRegistryServiceRef } from './createRegistryServiceRef';

class Registry {
  static created: Registry[] = [];
  closed = false;
  constructor(readonly names: string[]) {
    Registry.created.push(this);
  }
  close() {
    this.closed = true;
  }
}

const registryRef = createRegistryServiceRef('test.registry', (c: Config) => {
  return new Registry(c.getStringArray('test.names'));
});

function pluginUsing(pluginId: string, seen: Registry[]) {
  return createBackendPlugin({
    pluginId,
    register(env) {
      env.registerInit({
        deps: { registry: registryRef },
        async init({ registry }) {
          seen.push(registry);
        },
      });
    },
  });
}

describe('createRegistryServiceRef', () => {
  beforeEach(() => {
    Registry.created = [];
  });

  it('gives every plugin of the process one registry, read from the root config, and closes it on stop', async () => {
    const seen: Registry[] = [];
    const backend = await startTestBackend({
      features: [
        mockServices.rootConfig.factory({
          data: { test: { names: ['a', 'b'] } },
        }),
        pluginUsing('one', seen),
        pluginUsing('two', seen),
      ],
    });
    expect(seen).toHaveLength(2);
    expect(seen[0]).toBe(seen[1]);
    expect(Registry.created).toHaveLength(1);
    expect(seen[0].names).toEqual(['a', 'b']);
    expect(seen[0].closed).toBe(false);

    await backend.stop();
    expect(seen[0].closed).toBe(true);
  });

  it('builds nothing when no plugin asks for it', async () => {
    const backend = await startTestBackend({
      features: [mockServices.rootConfig.factory({ data: {} })],
    });
    expect(Registry.created).toHaveLength(0);
    await backend.stop();
  });
});
