import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  webhookDeliveriesReadPermission,
  webhookSendPermission,
} from '@interchange/plugin-interchange-common';
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
