import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { kafkaLiveStateReadPermission } from '@interchange/plugin-interchange-common';

/** What every live-state route of every bus needs before it reads a broker. */
export interface LiveStateAccess {
  /**
   * The caller's credentials, once `interchange.kafka.read` allows them: the
   * one read permission of live state, whatever the bus (its name predates
   * RabbitMQ and is a contract).
   */
  authorize(
    req: Parameters<HttpAuthService['credentials']>[0],
  ): Promise<BackstageCredentials>;
  /** An entity of the catalog as the caller sees it; 404 when it is not there. */
  entity(
    params: { namespace: string; kind: string; name: string },
    credentials: BackstageCredentials,
  ): Promise<Entity>;
}

/**
 * The permission check and entity lookup of the live-state routes, written
 * once for the Kafka and RabbitMQ routes. `busTitle` names the bus in the
 * 403's message.
 */
export function createLiveStateAccess(
  options: {
    httpAuth: HttpAuthService;
    permissions: PermissionsService;
    catalog: CatalogService;
  },
  busTitle: 'Kafka' | 'RabbitMQ',
): LiveStateAccess {
  const { httpAuth, permissions, catalog } = options;
  return {
    async authorize(req) {
      const credentials = await httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      const [decision] = await permissions.authorize(
        [{ permission: kafkaLiveStateReadPermission }],
        { credentials },
      );
      if (decision.result !== AuthorizeResult.ALLOW) {
        throw new NotAllowedError(
          `reading live ${busTitle} state requires the ${kafkaLiveStateReadPermission.name} permission`,
        );
      }
      return credentials;
    },
    async entity({ namespace, kind, name }, credentials) {
      const ref = stringifyEntityRef({ kind, namespace, name });
      const found = await catalog.getEntityByRef(ref, { credentials });
      if (!found) {
        throw new NotFoundError(`${ref} is not in the catalog`);
      }
      return found;
    },
  };
}

/**
 * The start of a history window of `hours` (default 6; the spec bounds it
 * to 1..168 and the validator answers 400 outside that).
 */
export function historySince(hours: number | undefined, now = Date.now()) {
  return now - Number(hours ?? 6) * 3600_000;
}
