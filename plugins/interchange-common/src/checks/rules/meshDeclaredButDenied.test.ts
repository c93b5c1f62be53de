import { api, component, runRule } from '../testEntities';
import { meshDeclaredButDeniedRule } from './meshDeclaredButDenied';
import { allowPolicy, denyPolicy, istioMesh } from './meshTestData';

const entities = [
  api('customers-api'),
  component('customers', { providesApis: ['customers-api'] }),
  component('notifier', { consumesApis: ['customers-api'] }),
  component('web', { dependsOn: ['component:customers'] }),
];

describe('mesh/declared-but-denied', () => {
  it('reports a declared call a DENY refuses, and one no ALLOW names', () => {
    const mesh = istioMesh(
      `${allowPolicy('customers', ['notifier'])}---${denyPolicy('customers', [
        'notifier',
      ])}`,
    );
    const findings = runRule(meshDeclaredButDeniedRule, entities, {
      liveData: { meshes: [mesh] },
    });
    expect(findings.map(f => f.entityRef)).toEqual([
      'component:default/notifier',
      'component:default/web',
    ]);
    expect(findings[0].message).toContain(
      'component:default/notifier declares a call to component:default/customers (api:default/customers-api), but mesh shop-mesh denies it: AuthorizationPolicy shop/customers-deny (DENY) matches',
    );
    expect(findings[1].details).toMatchObject({ declaredVia: ['dependsOn'] });
  });

  it('does not report a DENY on some paths only (near miss)', () => {
    const mesh = istioMesh(
      `${allowPolicy('customers', ['notifier', 'web'])}---${denyPolicy(
        'customers',
        ['notifier'],
        ['/admin/*'],
      )}`,
    );
    expect(
      runRule(meshDeclaredButDeniedRule, entities, {
        liveData: { meshes: [mesh] },
      }),
    ).toEqual([]);
  });
});
