import { gatewayRouteSpecSchema } from '../entities/schemas';
import { FIELD_HINTS } from '../validation/fieldHints';
import {
  KONG_AUTH_PLUGIN_FOR,
  KONG_AUTH_PLUGINS,
  quotedChoices,
  RATE_LIMIT_PERIODS,
  ROUTE_AUTHENTICATIONS,
} from './routePolicy';
import { parseKongConfig } from './kong';

describe('route authentication and rate-limit lists', () => {
  it('are what the schema and the hints offer', () => {
    const props = gatewayRouteSpecSchema.properties as any;
    expect(props.authentication.enum).toEqual([...ROUTE_AUTHENTICATIONS]);
    expect(props.rateLimit.properties.period.enum).toEqual([
      ...RATE_LIMIT_PERIODS,
    ]);
    expect(FIELD_HINTS['spec.authentication']).toBe(
      "use 'none', 'api-key', 'jwt', 'oauth2', 'mtls' or 'basic'",
    );
    expect(FIELD_HINTS['spec.rateLimit.period']).toBe(
      "use 'second', 'minute', 'hour' or 'day'",
    );
  });

  it('map every authentication but none to a Kong plugin, and read each back', () => {
    expect(Object.keys(KONG_AUTH_PLUGIN_FOR).sort()).toEqual(
      ROUTE_AUTHENTICATIONS.filter(a => a !== 'none').sort(),
    );
    for (const [auth, plugin] of Object.entries(KONG_AUTH_PLUGIN_FOR)) {
      expect(KONG_AUTH_PLUGINS[plugin]).toBe(auth);
      const { routes } = parseKongConfig({
        services: [
          {
            name: 's',
            url: 'http://s:80',
            routes: [{ name: 'r', paths: ['/'] }],
            plugins: [{ name: plugin }],
          },
        ],
      });
      expect(routes[0].authentication).toBe(auth);
    }
    expect(KONG_AUTH_PLUGINS['openid-connect']).toBe('jwt');
  });

  it('does not take an Object member for a Kong authentication plugin', () => {
    const { routes } = parseKongConfig({
      services: [
        {
          name: 's',
          url: 'http://s:80',
          routes: [{ name: 'r' }],
          plugins: [{ name: 'constructor' }, { name: 'toString' }],
        },
      ],
    });
    expect(routes[0].authentication).toBeUndefined();
  });

  it('quotes choices for a fix', () => {
    expect(quotedChoices(['a'])).toBe("'a'");
    expect(quotedChoices(['a', 'b', 'c'])).toBe("'a', 'b' or 'c'");
  });
});
