import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { CompoundEntityRef } from '@backstage/catalog-model';
import type { KafkaTopicNameCheck } from '@interchange/plugin-interchange-common';
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

  async #get<T>(path: string): Promise<T> {
    const base = await this.#discoveryApi.getBaseUrl('interchange');
    const response = await this.#fetchApi.fetch(`${base}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
