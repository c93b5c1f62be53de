import { LoggerService } from '@backstage/backend-plugin-api';
import { EventsService } from '@backstage/plugin-events-node';
import { CatalogProblemsStore } from './CatalogProblemsStore';
import { isInterchangeRef, userFacingMessage } from './parseCatalogError';

/** The catalog's topic for processing errors (`CATALOG_ERRORS_TOPIC`). */
export const CATALOG_ERRORS_TOPIC = 'experimental.catalog.errors';

type CatalogErrorPayload = {
  entity?: string;
  location?: string;
  errors?: Array<{ message?: string } | string>;
};

/**
 * Records the catalog's processing errors for Interchange entities. An entity
 * that fails validation never reaches the catalog's entity API, so this is
 * the only way the portal can show its author what is wrong.
 */
export async function subscribeToCatalogErrors(options: {
  events: EventsService;
  store: CatalogProblemsStore;
  logger: LoggerService;
}) {
  const { events, store, logger } = options;
  await events.subscribe({
    id: 'interchange-catalog-problems',
    topics: [CATALOG_ERRORS_TOPIC],
    async onEvent({ eventPayload }) {
      const payload = eventPayload as CatalogErrorPayload;
      if (!payload?.entity || !isInterchangeRef(payload.entity)) {
        return;
      }
      const message = (payload.errors ?? [])
        .map(e =>
          userFacingMessage(
            typeof e === 'string' ? e : e?.message ?? String(e),
          ),
        )
        .join('\n');
      try {
        await store.record({
          entityRef: payload.entity,
          location: payload.location,
          message,
        });
      } catch (e) {
        logger.warn(
          `Could not record catalog problem for ${payload.entity}: ${e}`,
        );
      }
    },
  });
}
