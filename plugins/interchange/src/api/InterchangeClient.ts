import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  DefaultApiClient,
  TypedResponse,
} from '@interchange/plugin-interchange-common';
import { InterchangeApi, IntegrationChecksFilter } from './InterchangeApi';

/**
 * Entity path parameters. Kafka routes get them lower-cased (the catalog
 * compares refs case-insensitively); the generated client encodes them.
 */
const kafkaEntityPath = (e: CompoundEntityRef) => ({
  namespace: e.namespace.toLocaleLowerCase('en-US'),
  kind: e.kind.toLocaleLowerCase('en-US'),
  name: e.name.toLocaleLowerCase('en-US'),
});

const webhookPath = (e: CompoundEntityRef) => ({
  namespace: e.namespace,
  name: e.name,
});

/** The body of a 2xx answer; Backstage's error body as a ResponseError otherwise. */
async function ok<T>(response: TypedResponse<T>): Promise<T> {
  if (!response.ok) {
    throw await ResponseError.fromResponse(response as Response);
  }
  return response.json();
}

/**
 * Talks to the Interchange backend through the client generated from its
 * OpenAPI spec, with the app's fetch API, so requests carry the user's
 * Backstage token.
 *
 * @public
 */
export class InterchangeClient implements InterchangeApi {
  readonly #client: DefaultApiClient;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.#client = new DefaultApiClient(options);
  }

  async getCatalogProblems() {
    return (await ok(await this.#client.listCatalogProblems({}))).items;
  }

  async getKafkaTopicState(entity: CompoundEntityRef) {
    return ok(
      await this.#client.getKafkaTopicEntityState({
        path: kafkaEntityPath(entity),
      }),
    );
  }

  async getKafkaConsumerGroups(entity: CompoundEntityRef) {
    return ok(
      await this.#client.listKafkaEntityConsumerGroups({
        path: kafkaEntityPath(entity),
      }),
    );
  }

  async listRabbitMQQueues(broker: string) {
    return ok(await this.#client.listRabbitMQQueues({ path: { broker } }));
  }

  async getRabbitMQQueue(
    broker: string,
    vhost: string,
    queue: string,
    hours = 6,
  ) {
    return ok(
      await this.#client.getRabbitMQQueue({
        path: { broker, vhost, queue },
        query: { hours },
      }),
    );
  }

  async getKafkaGroupTrend(cluster: string, groupId: string, hours = 6) {
    const body = await ok(
      await this.#client.getKafkaGroupTrend({
        path: { cluster, group: groupId },
        query: { hours },
      }),
    );
    return body.items;
  }

  async checkKafkaTopicName(cluster: string, name: string) {
    return ok(
      await this.#client.checkKafkaTopicName({
        path: { cluster },
        query: { name },
      }),
    );
  }

  async getWebhookDeliveries(entity: CompoundEntityRef, limit = 50) {
    return ok(
      await this.#client.listWebhookDeliveries({
        path: webhookPath(entity),
        query: { limit },
      }),
    );
  }

  async sendWebhookTestEvent(entity: CompoundEntityRef, eventType?: string) {
    return ok(
      await this.#client.sendWebhookTestEvent({
        path: webhookPath(entity),
        body: eventType === undefined ? {} : { eventType },
      }),
    );
  }

  async redeliverWebhook(entity: CompoundEntityRef, deliveryId: string) {
    return ok(
      await this.#client.redeliverWebhook({
        path: { ...webhookPath(entity), id: deliveryId },
      }),
    );
  }

  async getWebhooksHealth() {
    return (await ok(await this.#client.listWebhookHealth({}))).items;
  }

  async getChecks(filter: IntegrationChecksFilter = {}) {
    const { items, ...rest } = await ok(
      await this.#client.listCheckFindings({ query: filter }),
    );
    return { ...rest, findings: items };
  }

  async getMapLayouts() {
    return ok(await this.#client.listMapLayouts({}));
  }

  async getImpact(query: {
    entityRef: string;
    direction?: 'downstream' | 'upstream';
    depth?: number;
  }) {
    const body = await ok(await this.#client.getEntityImpact({ query }));
    return { ...body, found: true };
  }

  async getMeshAccess(entity: CompoundEntityRef) {
    return ok(
      await this.#client.getMeshAccess({
        query: {
          entityRef: `${entity.kind}:${entity.namespace}/${entity.name}`,
        },
      }),
    );
  }

  async getStrategy() {
    const response = await this.#client.getIntegrationStrategy({});
    if (!response.ok) {
      throw await ResponseError.fromResponse(response as Response);
    }
    return response.text();
  }
}
