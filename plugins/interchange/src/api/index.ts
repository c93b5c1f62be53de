export { interchangeApiRef } from './InterchangeApi';
export type { InterchangeApi, CatalogProblem } from './InterchangeApi';
export { InterchangeClient } from './InterchangeClient';
