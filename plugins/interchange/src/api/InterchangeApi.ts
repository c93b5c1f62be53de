import { createApiRef } from '@backstage/core-plugin-api';

/**
 * A catalog processing error of an Interchange entity, as the backend last
 * saw it.
 *
 * @public
 */
export interface CatalogProblem {
  entityRef: string;
  location?: string;
  message: string;
  firstSeen: string;
  lastSeen: string;
}

/**
 * Client for the Interchange backend (`/api/interchange`).
 *
 * @public
 */
export interface InterchangeApi {
  getCatalogProblems(): Promise<CatalogProblem[]>;
}

/** @public */
export const interchangeApiRef = createApiRef<InterchangeApi>({
  id: 'plugin.interchange.api',
});
