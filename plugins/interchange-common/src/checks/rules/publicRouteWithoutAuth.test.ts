import { route, runRule } from '../testEntities';
import { publicRouteWithoutAuthRule } from './publicRouteWithoutAuth';

describe('hygiene/public-route-without-auth', () => {
  it('reports public and partner routes with none or no authentication', () => {
    const findings = runRule(publicRouteWithoutAuthRule, [
      route('open', { exposure: 'public', authentication: 'none' }),
      route('undeclared', { exposure: 'partner' }),
    ]);
    expect(findings.map(f => f.entityRef).sort()).toEqual([
      'gatewayroute:default/open',
      'gatewayroute:default/undeclared',
    ]);
  });

  it('does not report an authenticated public route or an internal one (near misses)', () => {
    expect(
      runRule(publicRouteWithoutAuthRule, [
        route('jwt', { exposure: 'public', authentication: 'jwt' }),
        route('inside', { exposure: 'internal', authentication: 'none' }),
      ]),
    ).toEqual([]);
  });
});
