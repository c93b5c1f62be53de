import { createOpenApiRouter } from './openapi';

/** The plugin's router, its routes typed from the OpenAPI spec. */
export type InterchangeRouter = Awaited<ReturnType<typeof createOpenApiRouter>>;
