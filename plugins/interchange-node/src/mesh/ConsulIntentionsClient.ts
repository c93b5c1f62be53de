import {
  MeshRule,
  MeshSkippedItem,
  parseConsulIntentionsApi,
} from '@interchange/plugin-interchange-common';
import type { MeshConfig } from '../config/readMeshes';

/**
 * Reads a Consul datacenter's intentions from its HTTP API,
 * `GET /v1/connect/intentions` (a flat list of intentions), sending the ACL
 * token as `X-Consul-Token`. Errors name the mesh and the URL, never the
 * token; any failure rejects the whole read, so a partial list never looks
 * like intentions were removed.
 *
 * @public
 */
export class ConsulIntentionsClient {
  readonly #mesh: Pick<
    MeshConfig,
    'id' | 'consulUrl' | 'consulToken' | 'requestTimeoutMs'
  >;
  readonly #fetch: typeof fetch;

  constructor(
    mesh: Pick<
      MeshConfig,
      'id' | 'consulUrl' | 'consulToken' | 'requestTimeoutMs'
    >,
    options: { fetch?: typeof fetch } = {},
  ) {
    if (!mesh.consulUrl) {
      throw new Error(
        `interchange.meshes ${mesh.id}: no consulUrl to read intentions from`,
      );
    }
    this.#mesh = mesh;
    this.#fetch = options.fetch ?? fetch;
  }

  async intentions(): Promise<{
    rules: MeshRule[];
    skipped: MeshSkippedItem[];
  }> {
    const url = `${this.#mesh.consulUrl}/v1/connect/intentions`;
    const where = `mesh ${this.#mesh.id}: GET ${url}`;
    let response: Response;
    try {
      response = await this.#fetch(url, {
        headers: {
          accept: 'application/json',
          ...(this.#mesh.consulToken
            ? { 'X-Consul-Token': this.#mesh.consulToken }
            : {}),
        },
        signal: AbortSignal.timeout(this.#mesh.requestTimeoutMs),
      });
    } catch (e) {
      const error = e as Error;
      throw new Error(
        `${where} failed: ${
          error.name === 'TimeoutError'
            ? `no answer within ${this.#mesh.requestTimeoutMs} ms`
            : error.message
        }`,
      );
    }
    if (!response.ok) {
      const hint =
        response.status === 403
          ? ' (the ACL token lacks intentions:read; set consulToken)'
          : '';
      throw new Error(
        `${where} answered ${response.status} ${response.statusText}${hint}`,
      );
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new Error(`${where} answered something that is not JSON`);
    }
    try {
      return parseConsulIntentionsApi(body);
    } catch (e) {
      throw new Error(`${where}: ${(e as Error).message}`);
    }
  }
}
