import express from 'express';
import { NotFoundError } from '@backstage/errors';
import { HttpAuthService } from '@backstage/backend-plugin-api';
import { CatalogProblemsStore } from '../problems/CatalogProblemsStore';
import { PROBLEM_MAX_AGE_MS } from '../problems/catalogProblemsRetention';
import { createOpenApiRouter } from '../schema/openapi';
import {
  addChecksRoutes,
  ChecksRouterOptions,
} from '../checks/createChecksRouter';
import { addKafkaRoutes, KafkaRouterOptions } from '../kafka/createKafkaRouter';
import { addMapRoutes, MapRouterOptions } from '../map/createMapRouter';
import { addMeshRoutes, MeshRouterOptions } from '../mesh/createMeshRouter';
import {
  addRabbitMQRoutes,
  RabbitMQRouterOptions,
} from '../rabbitmq/createRabbitMQRouter';
import {
  addSecretLinkRoutes,
  SecretLinksRouterOptions,
} from '../secrets/createSecretLinksRouter';
import {
  addStrategyRoutes,
  StrategyRouterOptions,
} from '../strategy/createStrategyRouter';
import {
  addWebhookRoutes,
  isWebhookReceivePath,
  rawWebhookBody,
  WebhooksRouterOptions,
} from '../webhooks/createWebhooksRouter';

export interface RouterOptions
  extends KafkaRouterOptions,
    RabbitMQRouterOptions,
    WebhooksRouterOptions,
    ChecksRouterOptions,
    MapRouterOptions,
    StrategyRouterOptions,
    MeshRouterOptions,
    SecretLinksRouterOptions {
  httpAuth: HttpAuthService;
  problems: CatalogProblemsStore;
}

/**
 * The plugin's routes, typed from and validated against
 * src/schema/openapi.yaml (a request that does not match it is a 400 naming
 * the parameter). The spec is also served at /openapi.json.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, problems } = options;
  const router = await createOpenApiRouter({
    // Inbound webhooks are verified on their raw bytes: their body is read
    // raw (and express.json then leaves it alone), and the validator, which
    // wants a parsed body, skips that one route; its handler checks its path
    // parameters itself.
    middleware: [rawWebhookBody(options.settings), express.json()],
    validatorOptions: {
      ignorePaths: (path: string) => isWebhookReceivePath(path),
      // Authentication is Backstage's (httpAuth and the plugin's auth
      // policies), answered with 401; the validator would make it a 400.
      validateSecurity: false,
    },
  });

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/catalog-problems', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json({ items: await problems.list({ maxAgeMs: PROBLEM_MAX_AGE_MS }) });
  });

  addKafkaRoutes(router, options);
  addRabbitMQRoutes(router, options);
  addWebhookRoutes(router, options);
  addChecksRoutes(router, options);
  addMapRoutes(router, options);
  addStrategyRoutes(router, options);
  addMeshRoutes(router, options);
  addSecretLinkRoutes(router, options);

  // Anything else under /api/interchange is a 404 with Backstage's error
  // body, as the spec documents, not the HTTP server's empty one (e.g. a
  // path whose '.' segment a URL resolved away).
  router.use((req, _res, next) => {
    next(
      new NotFoundError(
        `${req.method} ${req.path} is not an Interchange route; the routes are in /api/interchange/openapi.json`,
      ),
    );
  });

  return router;
}
