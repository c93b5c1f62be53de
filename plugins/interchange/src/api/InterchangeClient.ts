import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { CatalogProblem, InterchangeApi } from './InterchangeApi';

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

  async #get<T>(path: string): Promise<T> {
    const base = await this.#discoveryApi.getBaseUrl('interchange');
    const response = await this.#fetchApi.fetch(`${base}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
