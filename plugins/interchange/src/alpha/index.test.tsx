import { createExtensionTester } from '@backstage/frontend-test-utils';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import interchangePlugin, { interchangeExtensions } from './index';
import { interchangeCards, interchangePages } from '../extensions';

/** kind:plugin/name, as the app sees each extension. */
function extensionIds() {
  return interchangeExtensions.map(e => {
    const { kind, name } = e as unknown as { kind?: string; name?: string };
    return `${kind}:interchange${name ? `/${name}` : ''}`;
  });
}

describe('the new-frontend-system plugin', () => {
  it('has every page, card, entity tab, the scaffolder field and the API, from the one list', () => {
    expect(interchangePlugin.id).toBe('interchange');
    expect(extensionIds()).toEqual([
      'api:interchange',
      'page:interchange',
      'page:interchange/webhooks',
      'page:interchange/routes',
      'page:interchange/map',
      'page:interchange/checks',
      'page:interchange/strategy',
      'page:interchange/secret-link',
      'entity-card:interchange/overview',
      'entity-card:interchange/relations',
      'entity-card:interchange/integrations',
      'entity-card:interchange/routes',
      'entity-card:interchange/gateway-route-drift',
      'entity-card:interchange/kafka-topic-state',
      'entity-card:interchange/kafka-consumer-groups',
      'entity-card:interchange/rabbitmq-queue-state',
      'entity-card:interchange/webhook-deliveries',
      'entity-card:interchange/map',
      'entity-card:interchange/mesh-access',
      'entity-card:interchange/checks',
      'entity-content:interchange/kafka',
      'entity-content:interchange/rabbitmq',
      'entity-content:interchange/deliveries',
      'scaffolder-form-field:interchange/kafka-topic-name',
    ]);
    expect(Object.keys(interchangePages)).toHaveLength(6);
    expect(Object.keys(interchangeCards)).toHaveLength(12);
  });

  it.each(Object.values(interchangePages))(
    'page $path has a title and an icon for the sidebar',
    definition => {
      const extension =
        interchangeExtensions[
          1 + Object.values(interchangePages).indexOf(definition)
        ];
      const tester = createExtensionTester(extension);
      expect(tester.get(coreExtensionData.routePath)).toBe(definition.path);
      expect(tester.get(coreExtensionData.title)).toBe(definition.title);
      expect(tester.get(coreExtensionData.icon)).toBeTruthy();
    },
  );
});
