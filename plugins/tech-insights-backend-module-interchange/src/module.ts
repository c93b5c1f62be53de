import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { techInsightsFactRetrieversExtensionPoint } from '@backstage-community/plugin-tech-insights-node';
import {
  createDriftFactRetriever,
  createFindingsFactRetriever,
  createLagFactRetriever,
  createWebhookHealthFactRetriever,
} from './retrievers';

/**
 * Interchange's facts for Tech Insights: findings by severity, consumer lag
 * status, drift count and webhook endpoint health, per entity. Each retriever
 * runs on the cadence configured under
 * `techInsights.factRetrievers.<id>` (see the README).
 *
 * @public
 */
export const techInsightsModuleInterchangeFactRetrievers = createBackendModule({
  pluginId: 'tech-insights',
  moduleId: 'interchange-fact-retrievers',
  register(reg) {
    reg.registerInit({
      deps: {
        retrievers: techInsightsFactRetrieversExtensionPoint,
        catalog: catalogServiceRef,
      },
      async init({ retrievers, catalog }) {
        const all = [
          createFindingsFactRetriever(catalog),
          createLagFactRetriever(catalog),
          createDriftFactRetriever(catalog),
          createWebhookHealthFactRetriever(catalog),
        ];
        retrievers.addFactRetrievers(
          Object.fromEntries(all.map(r => [r.id, r])),
        );
      },
    });
  },
});
