/**
 * The one list of how a GatewayRoute may authenticate and how its rate
 * limit is counted, and the Kong plugins that mean each: the entity types,
 * the JSON schema, the validator's hints, the Kong parser and the
 * scaffolder's Kong writer all read these, so a new value is added here
 * once. No imports: entity types and schemas load this file too.
 */

/** Values of GatewayRoute `spec.authentication`. @public */
export const ROUTE_AUTHENTICATIONS = [
  'none',
  'api-key',
  'jwt',
  'oauth2',
  'mtls',
  'basic',
] as const;

/** Values of GatewayRoute `spec.rateLimit.period`, shortest first. @public */
export const RATE_LIMIT_PERIODS = ['second', 'minute', 'hour', 'day'] as const;

type Authentication = (typeof ROUTE_AUTHENTICATIONS)[number];

/**
 * The Kong plugin that enforces each authentication: what a new route
 * written for Kong gets, and what the Kong parser reads back.
 *
 * @public
 */
export const KONG_AUTH_PLUGIN_FOR: Readonly<
  Record<Exclude<Authentication, 'none'>, string>
> = {
  'api-key': 'key-auth',
  jwt: 'jwt',
  oauth2: 'oauth2',
  mtls: 'mtls-auth',
  basic: 'basic-auth',
};

/**
 * Every Kong authentication plugin Interchange understands and the
 * authentication it means: the plugins of KONG_AUTH_PLUGIN_FOR plus the
 * Enterprise ones that do the same job.
 *
 * @public
 */
export const KONG_AUTH_PLUGINS: Readonly<
  Record<string, Exclude<Authentication, 'none'>>
> = {
  ...Object.fromEntries(
    Object.entries(KONG_AUTH_PLUGIN_FOR).map(([auth, plugin]) => [
      plugin,
      auth as Exclude<Authentication, 'none'>,
    ]),
  ),
  'key-auth-enc': 'api-key',
  'openid-connect': 'jwt',
  'oauth2-introspection': 'oauth2',
};

/**
 * Kong rate-limit plugins, the one a new route gets first. Their config
 * holds the limit under a period name of RATE_LIMIT_PERIODS.
 *
 * @public
 */
export const KONG_RATE_LIMIT_PLUGINS = [
  'rate-limiting',
  'rate-limiting-advanced',
] as const;

/** `'a', 'b' or 'c'`: a list of allowed values for an error's fix. @public */
export function quotedChoices(values: readonly string[]): string {
  const quoted = values.map(v => `'${v}'`);
  return quoted.length > 1
    ? `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`
    : quoted.join('');
}
