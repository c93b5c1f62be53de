import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  webhookDeliveriesReadPermission,
  webhookSendPermission,
} from '@interchange/plugin-interchange-common';
import { taskReadPermission } from '@backstage/plugin-scaffolder-common/alpha';
import { DemoPermissionPolicy } from './permissionPolicy';

const user = {
  info: {
    userEntityRef: 'user:default/guest',
    ownershipEntityRefs: ['user:default/guest', 'group:default/team-platform'],
  },
} as any;

describe('DemoPermissionPolicy', () => {
  const policy = new DemoPermissionPolicy();

  it("lets only a webhook's owners send test events", async () => {
    expect(
      await policy.handle({ permission: webhookSendPermission }, user),
    ).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: {
          claims: ['user:default/guest', 'group:default/team-platform'],
        },
      },
    });
  });

  it('lets only the person who ran a scaffolder task read it (its output may hold a new webhook secret)', async () => {
    expect(
      await policy.handle({ permission: taskReadPermission }, user),
    ).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'scaffolder',
      resourceType: 'scaffolder-task',
      conditions: {
        rule: 'IS_TASK_OWNER',
        resourceType: 'scaffolder-task',
        params: { createdBy: ['user:default/guest'] },
      },
    });
  });

  it('allows everything else, reading delivery logs included', async () => {
    for (const permission of [
      webhookDeliveriesReadPermission,
      catalogEntityReadPermission,
    ]) {
      expect(await policy.handle({ permission }, user)).toEqual({
        result: AuthorizeResult.ALLOW,
      });
    }
  });
});
