import {
  createPlugin,
  createRoutableExtension,
} from '@backstage/core-plugin-api';

import { rootRouteRef } from './routes';

export const interchangePlugin = createPlugin({
  id: 'interchange',
  routes: {
    root: rootRouteRef,
  },
});

export const InterchangePage = interchangePlugin.provide(
  createRoutableExtension({
    name: 'InterchangePage',
    component: () =>
      import('./components/ExampleComponent').then(m => m.ExampleComponent),
    mountPoint: rootRouteRef,
  }),
);
