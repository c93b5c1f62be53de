import { BackendFeature } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { JsonObject } from '@backstage/types';
import { catalogModuleInterchange } from '../module';

/**
 * The real catalog backend with this module, on `catalog` and
 * `interchange` config. Processing runs every 2 s (the catalog's default is
 * minutes), so a test sees the passes after it changes or breaks a file.
 */
export function startCatalogBackend(options: {
  catalog: JsonObject;
  interchange?: JsonObject;
  /** Merged into `backend` (its baseUrl is set). */
  backend?: JsonObject;
  /** More features, e.g. a test's own module. */
  features?: BackendFeature[];
}) {
  return startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleInterchange,
      ...(options.features ?? []),
      mockServices.rootConfig.factory({
        data: {
          backend: { baseUrl: 'http://localhost:0', ...options.backend },
          catalog: { processingInterval: { seconds: 2 }, ...options.catalog },
          ...(options.interchange ? { interchange: options.interchange } : {}),
        },
      }),
    ],
  });
}
