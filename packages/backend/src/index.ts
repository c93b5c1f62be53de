/*
 * The Interchange demo backend. It is wired the way a platform team wires
 * Interchange into its own Backstage backend: every Interchange package is one
 * `backend.add(...)` line (see each package's README).
 */

import { createBackend } from '@backstage/backend-defaults';
import { demoPermissionPolicyModule } from './permissionPolicy';
import { e2eUserSignInModule } from './e2eUserSignIn';
import { defaultCatalogEntityModel } from '@backstage/catalog-model/alpha';
import { provideStaticCatalogModel } from '@backstage/plugin-catalog-node/alpha';
import { interchangeCatalogModelLayer } from '@interchange/plugin-interchange-common/alpha';
import { searchModuleInterchangeCollator } from '@interchange/plugin-interchange-backend';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

// auth: the guest provider keeps the demo free of external identity services
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
// A second user for the end-to-end tests: off unless auth.providers.e2e-user
// is configured (app-config.e2e.yaml only), refused in production.
backend.add(e2eUserSignInModule);

// events: lets plugins react to each other (catalog errors, webhook deliveries)
backend.add(import('@backstage/plugin-events-backend'));

// catalog
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
// Shows entities that failed validation, with their errors, in the portal.
backend.add(import('@backstage/plugin-catalog-backend-module-unprocessed'));
// The catalog model: Backstage's own kinds plus Interchange's. A model source
// replaces the built-in kinds processor, so the default model is listed too.
backend.add(
  provideStaticCatalogModel({
    layers: [defaultCatalogEntityModel, interchangeCatalogModelLayer],
  }),
);

// scaffolder
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));

// permissions
backend.add(import('@backstage/plugin-permission-backend'));
// Allows everything except Interchange's owner-only webhook actions.
backend.add(demoPermissionPolicyModule);

// search (the in-memory Lunr engine: no search database needed for the demo)
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
// KafkaTopic, GatewayRoute, Webhook and RabbitMQ entities with their fields
// (type 'interchange'): a route path or a consumer group name finds them.
backend.add(searchModuleInterchangeCollator);

backend.add(import('@backstage/plugin-user-settings-backend'));

// notifications: Interchange notifies owning groups of state changes
// (interchange.notifications); the app shows them on /notifications.
backend.add(import('@backstage/plugin-notifications-backend'));

// MCP: the actions registry's actions (Interchange's who-consumes, impact,
// lag, validate-entity, checks; backend.actions.pluginSources in
// app-config.yaml) as MCP tools on POST /api/mcp-actions/v1.
backend.add(import('@backstage/plugin-mcp-actions-backend'));

// Interchange
backend.add(import('@interchange/plugin-interchange-backend'));
backend.add(import('@interchange/plugin-catalog-backend-module-interchange'));
backend.add(
  import('@interchange/plugin-scaffolder-backend-module-interchange'),
);

backend.start();
