import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { GatewayConfigFormat } from '@interchange/plugin-interchange-common';

/**
 * Adds configuration file formats to the one ingestion pipeline of the
 * Interchange catalog module (gateway provider `files` and
 * `interchange-gateway-config` Locations). The built-in formats (Kong decK,
 * Gateway API HTTPRoute, Istio VirtualService, AWS API Gateway) are added
 * through it too.
 *
 * @public
 */
export interface InterchangeConfigFormatsExtensionPoint {
  /**
   * Adds a format. A format added later is asked first when a document is
   * detected. Throws for a malformed or taken id, and once the catalog
   * module has started.
   */
  addFormat(format: GatewayConfigFormat): void;
}

/**
 * Registered by the Interchange catalog module
 * (`@interchange/plugin-catalog-backend-module-interchange`), so only
 * other modules of the catalog plugin (`pluginId: 'catalog'`) may depend
 * on it; the backend initialises them before the Interchange module.
 *
 * @public
 */
export const interchangeConfigFormatsExtensionPoint =
  createExtensionPoint<InterchangeConfigFormatsExtensionPoint>({
    id: 'catalog.interchange.config-formats',
  });
