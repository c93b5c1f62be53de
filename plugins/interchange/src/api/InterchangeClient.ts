import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { CompoundEntityRef } from '@backstage/catalog-model';
import type {
  EndpointHealth,
  KafkaTopicNameCheck,
  WebhookDeliveryLog,
  WebhookSendResult,
} from '@interchange/plugin-interchange-common';
import {
  CatalogProblem,
  InterchangeApi,
  KafkaConsumerGroups,
  KafkaTopicLiveState,
} from './InterchangeApi';

const entityPath = (e: CompoundEntityRef) =>
  [e.namespace, e.kind, e.name]
    .map(s => encodeURIComponent(s.toLocaleLowerCase('en-US')))
    .join('/');

/** `<namespace>/<name>` of a Webhook entity, for /webhooks routes. */
const webhookPath = (e: CompoundEntityRef) =>
  [e.namespace, e.name].map(s => encodeURIComponent(s)).join('/');

/**
 * Talks to the Interchange backend through the app's fetch API, so requests
 * carry the user's Backstage token.
 *
 * @public
 */
export class InterchangeClient implements InterchangeApi {
  readonly #discoveryApi: DiscoveryApi;
  readonly #fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.#discoveryApi = options.discoveryApi;
    this.#fetchApi = options.fetchApi;
  }

  async getCatalogProblems(): Promise<CatalogProblem[]> {
    const body = await this.#get<{ items: CatalogProblem[] }>(
      '/catalog-problems',
    );
    return body.items;
  }

  async getKafkaTopicState(
    entity: CompoundEntityRef,
  ): Promise<KafkaTopicLiveState> {
    return this.#get(`/kafka/entities/${entityPath(entity)}`);
  }

  async getKafkaConsumerGroups(
    entity: CompoundEntityRef,
  ): Promise<KafkaConsumerGroups> {
    return this.#get(`/kafka/entities/${entityPath(entity)}/consumer-groups`);
  }

  async getKafkaGroupTrend(cluster: string, groupId: string, hours = 6) {
    const body = await this.#get<{
      items: { timestamp: number; totalLag: number }[];
    }>(
      `/kafka/clusters/${encodeURIComponent(
        cluster,
      )}/consumer-groups/${encodeURIComponent(groupId)}/trend?hours=${hours}`,
    );
    return body.items;
  }

  async checkKafkaTopicName(cluster: string, name: string) {
    return this.#get<KafkaTopicNameCheck>(
      `/kafka/clusters/${encodeURIComponent(
        cluster,
      )}/topic-name-check?name=${encodeURIComponent(name)}`,
    );
  }

  async getWebhookDeliveries(entity: CompoundEntityRef, limit = 50) {
    return this.#get<WebhookDeliveryLog>(
      `/webhooks/${webhookPath(entity)}/deliveries?limit=${limit}`,
    );
  }

  async sendWebhookTestEvent(entity: CompoundEntityRef, eventType?: string) {
    return this.#request<WebhookSendResult>(
      `/webhooks/${webhookPath(entity)}/test`,
      { method: 'POST', body: { eventType } },
    );
  }

  async redeliverWebhook(entity: CompoundEntityRef, deliveryId: string) {
    return this.#request<WebhookSendResult>(
      `/webhooks/${webhookPath(entity)}/deliveries/${encodeURIComponent(
        deliveryId,
      )}/redeliver`,
      { method: 'POST', body: {} },
    );
  }

  async getWebhooksHealth() {
    const body = await this.#get<{
      items: { entityRef: string; health: EndpointHealth }[];
    }>('/webhooks/health');
    return body.items;
  }

  #get<T>(path: string): Promise<T> {
    return this.#request<T>(path);
  }

  async #request<T>(
    path: string,
    options: { method?: string; body?: unknown } = {},
  ): Promise<T> {
    const base = await this.#discoveryApi.getBaseUrl('interchange');
    const response = await this.#fetchApi.fetch(`${base}${path}`, {
      method: options.method ?? 'GET',
      ...(options.body !== undefined
        ? {
            body: JSON.stringify(options.body),
            headers: { 'content-type': 'application/json' },
          }
        : {}),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
