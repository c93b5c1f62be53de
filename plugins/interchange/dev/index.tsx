import { createDevApp } from '@backstage/dev-utils';
import { interchangePlugin, InterchangePage } from '../src/plugin';

createDevApp()
  .registerPlugin(interchangePlugin)
  .addPage({
    element: <InterchangePage />,
    title: 'Root Page',
    path: '/interchange',
  })
  .render();
