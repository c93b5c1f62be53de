import {
  BackendFeature,
  coreServices,
  createBackendModule,
  SchedulerService,
} from '@backstage/backend-plugin-api';

/**
 * A backend module that hands the test the scheduler of plugin `pluginId`:
 * in a test backend scheduled tasks run only when told to
 * (`triggerTask`), so a test that needs a provider's or sampler's run gets
 * hold of the scheduler the plugin registered its tasks with. Add `module`
 * to the backend's features; `scheduler()` is there once it has started.
 *
 * @public
 */
export function captureScheduler(pluginId: string): {
  module: BackendFeature;
  scheduler(): SchedulerService;
} {
  let captured: SchedulerService | undefined;
  return {
    module: createBackendModule({
      pluginId,
      moduleId: 'test-scheduler',
      register(reg) {
        reg.registerInit({
          deps: { scheduler: coreServices.scheduler },
          async init({ scheduler }) {
            captured = scheduler;
          },
        });
      },
    }),
    scheduler: () => {
      if (!captured) {
        throw new Error(
          `the ${pluginId} plugin's scheduler is not captured: add captureScheduler(...).module to the backend's features and start it first`,
        );
      }
      return captured;
    },
  };
}
