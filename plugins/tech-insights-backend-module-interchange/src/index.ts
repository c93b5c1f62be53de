/**
 * Interchange facts for Tech Insights scorecards.
 *
 * @packageDocumentation
 */
export { techInsightsModuleInterchangeFactRetrievers as default } from './module';
export {
  createDriftFactRetriever,
  createFindingsFactRetriever,
  createLagFactRetriever,
  createWebhookHealthFactRetriever,
} from './retrievers';
export { countFindings, worstLagStatus } from './facts';
export type { FindingCounts } from './facts';
