import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { kafkaLiveStateReadPermission } from '@interchange/plugin-interchange-common';
import { ChecksStore } from '../checks/ChecksStore';
import { IntegrationGraphCache } from '../checks/IntegrationGraphCache';
import { KafkaLiveState } from '../kafka/KafkaLiveState';
import { LagHistoryStore } from '../kafka/LagHistoryStore';

/** What the Interchange actions read; the same stores the HTTP routes use. */
export interface ActionsContext {
  catalog: CatalogService;
  permissions: PermissionsService;
  live: KafkaLiveState;
  history: LagHistoryStore;
  checks: ChecksStore;
  graphs: IntegrationGraphCache;
}

/** A lower-case `kind:namespace/name` ref, or an InputError naming `field`. */
export function normalizeRefInput(
  field: string,
  value: string,
  defaultKind?: string,
): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(value, { defaultKind, defaultNamespace: 'default' }),
    ).toLocaleLowerCase('en-US');
  } catch {
    throw new InputError(
      `${field} must be an entity ref such as kafkatopic:default/orders.order-events.v1 (got '${value}')`,
    );
  }
}

/**
 * The entity as the caller sees it: read with the caller's credentials, so
 * an entity they may not see is a NotFoundError, never data.
 */
export async function entityForCaller(
  ctx: ActionsContext,
  ref: string,
  credentials: BackstageCredentials,
): Promise<Entity> {
  const entity = await ctx.catalog.getEntityByRef(ref, { credentials });
  if (!entity) {
    throw new NotFoundError(`${ref} is not in the catalog`);
  }
  return entity;
}

/** Live Kafka state needs interchange.kafka.read, as on the HTTP routes. */
export async function authorizeKafkaRead(
  ctx: ActionsContext,
  credentials: BackstageCredentials,
): Promise<void> {
  const [decision] = await ctx.permissions.authorize(
    [{ permission: kafkaLiveStateReadPermission }],
    { credentials },
  );
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(
      `reading live Kafka state requires the ${kafkaLiveStateReadPermission.name} permission`,
    );
  }
}
