import {
  compileCatalogModel,
  defaultCatalogEntityModel,
} from '@backstage/catalog-model/alpha';
import { interchangeCatalogModelLayer } from './catalogModelLayer';
import { INTERCHANGE_RELATION_PAIRS } from './relations';

describe('interchangeCatalogModelLayer', () => {
  it('declares every Interchange relation pair, both ways, with its titles and kinds', () => {
    const model = compileCatalogModel([
      defaultCatalogEntityModel,
      interchangeCatalogModelLayer,
    ]);
    const ours = new Set<string>(INTERCHANGE_RELATION_PAIRS.flat());
    const lines = model
      .listRelations()
      .filter(r => ours.has(r.forward.type))
      .map(
        r =>
          `${[r.fromKind].flat().join('|')} ${r.forward.type} (${
            r.forward.title
          }) ${[r.toKind].flat().join('|')}; reverse ${r.reverse.type} (${
            r.reverse.title
          })`,
      )
      .sort();
    expect(lines).toEqual([
      'API describes (describes) KafkaTopic|Webhook|RabbitMQExchange; reverse describedBy (described by)',
      'API exposedBy (exposed by) GatewayRoute; reverse exposes (exposes)',
      'Component consumesFrom (consumes from) KafkaTopic|Webhook|RabbitMQExchange|RabbitMQQueue; reverse consumedBy (consumed by)',
      'Component mayBeCalledBy (may be called by) Component; reverse mayCall (may call)',
      'Component mayCall (may call) Component; reverse mayBeCalledBy (may be called by)',
      'Component producesTo (produces to) KafkaTopic|Webhook|RabbitMQExchange|RabbitMQQueue; reverse producedBy (produced by)',
      'Component|Resource routedBy (routed by) GatewayRoute; reverse routesTo (routes to)',
      'GatewayRoute exposes (exposes) API; reverse exposedBy (exposed by)',
      'GatewayRoute routesTo (routes to) Component|Resource; reverse routedBy (routed by)',
      'KafkaTopic|Webhook|RabbitMQExchange describedBy (described by) API; reverse describes (describes)',
      'KafkaTopic|Webhook|RabbitMQExchange|RabbitMQQueue consumedBy (consumed by) Component; reverse consumesFrom (consumes from)',
      'KafkaTopic|Webhook|RabbitMQExchange|RabbitMQQueue producedBy (produced by) Component; reverse producesTo (produces to)',
      'RabbitMQExchange boundFrom (bound from) RabbitMQQueue; reverse boundTo (bound to)',
      'RabbitMQQueue boundTo (bound to) RabbitMQExchange; reverse boundFrom (bound from)',
    ]);
  });
});
