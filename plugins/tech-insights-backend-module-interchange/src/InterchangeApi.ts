import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';

/**
 * Reads the Interchange backend (/api/interchange) with this plugin's own
 * service credentials, the way any backend plugin calls another.
 */
export class InterchangeApi {
  readonly #discovery: DiscoveryService;
  readonly #auth: AuthService;

  constructor(options: { discovery: DiscoveryService; auth: AuthService }) {
    this.#discovery = options.discovery;
    this.#auth = options.auth;
  }

  /** Stored integration-check findings (GET /checks). */
  async findings(): Promise<
    Array<{ entityRef: string; entityRefs: string[]; severity: string }>
  > {
    return (await this.#get('/checks')).items ?? [];
  }

  /** Endpoint health of every webhook with recent deliveries. */
  async webhookHealth(): Promise<
    Array<{
      entityRef: string;
      health: { status: string; successRate?: number };
    }>
  > {
    return (await this.#get('/webhooks/health')).items ?? [];
  }

  /** Consumer groups of a KafkaTopic or a component, with their health. */
  async consumerGroups(
    entityRef: string,
  ): Promise<Array<{ groupId: string; health?: { status: string } }>> {
    return (
      (await this.#get(`${this.#entityPath(entityRef)}/consumer-groups`))
        .items ?? []
    );
  }

  /** A KafkaTopic's drift from its topic on the cluster. */
  async topicDrift(entityRef: string): Promise<unknown[]> {
    return (await this.#get(this.#entityPath(entityRef))).drift ?? [];
  }

  #entityPath(entityRef: string): string {
    const { kind, namespace, name } = parseEntityRef(entityRef);
    return `/kafka/entities/${[namespace, kind, name]
      .map(encodeURIComponent)
      .join('/')}`;
  }

  async #get(path: string): Promise<any> {
    const base = await this.#discovery.getBaseUrl('interchange');
    const { token } = await this.#auth.getPluginRequestToken({
      onBehalfOf: await this.#auth.getOwnServiceCredentials(),
      targetPluginId: 'interchange',
    });
    const res = await fetch(`${base}${path}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!res.ok) {
      const body = await res.text();
      let message = body.slice(0, 300);
      try {
        message = JSON.parse(body).error?.message ?? message;
      } catch {
        // not a Backstage error body; keep the text
      }
      throw new Error(
        `Interchange GET ${path} answered ${res.status}: ${message}`,
      );
    }
    return res.json();
  }
}
