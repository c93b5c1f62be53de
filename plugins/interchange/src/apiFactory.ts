import {
  createApiFactory,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { interchangeApiRef, InterchangeClient } from './api';

/** The Interchange client, for the legacy plugin and the new-system one. */
export const interchangeApiFactory = createApiFactory({
  api: interchangeApiRef,
  deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
  factory: deps => new InterchangeClient(deps),
});
