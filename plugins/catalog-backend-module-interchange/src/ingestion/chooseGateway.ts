import { GatewayConfig } from '@interchange/plugin-interchange-node';

/**
 * On a `Location` entity of type `interchange-gateway-config`: the id (from
 * `interchange.gateways[]`) of the gateway its files configure.
 *
 * @public
 */
export const ANNOTATION_LOCATION_GATEWAY = 'interchange.dev/gateway';

/** The gateway a Location's file is ingested for. */
export type ChosenGateway = Pick<
  GatewayConfig,
  'id' | 'defaultOwner' | 'defaultSystem'
>;

/**
 * The gateway a file listed by a Location belongs to: the one its
 * `interchange.dev/gateway` annotation names, else the only configured
 * gateway of one of the file's formats. Returns an error message naming the
 * fix when there is none, or when that gateway is read by its own provider
 * (its routes would conflict with the provider's).
 */
export function chooseGateway(
  name: string,
  annotated: string | undefined,
  formats: readonly string[],
  gateways: readonly GatewayConfig[],
): ChosenGateway | string {
  const fix = `set the annotation ${ANNOTATION_LOCATION_GATEWAY}: <gateway id> on the Location entity that lists this file`;
  let gateway: GatewayConfig | undefined;
  if (annotated) {
    gateway = gateways.find(g => g.id === annotated);
    if (!gateway) {
      if (gateways.length) {
        return `${name}: gateway '${annotated}' (annotation ${ANNOTATION_LOCATION_GATEWAY}) is not in interchange.gateways; use one of ${gateways
          .map(g => `'${g.id}'`)
          .join(', ')}`;
      }
      // No gateways configured at all: the annotation alone names it.
      return { id: annotated };
    }
  } else {
    const candidates = gateways.filter(g => formats.includes(g.type));
    if (candidates.length !== 1) {
      return candidates.length
        ? `${name}: several gateways read ${formats.join(
            '/',
          )} configuration (${candidates.map(g => g.id).join(', ')}); ${fix}`
        : `${name}: no gateway of type ${formats.join(
            ' or ',
          )} in interchange.gateways; add one, or ${fix}`;
    }
    gateway = candidates[0];
  }
  // Its provider already names routes `<gateway>.<route>`; the same names
  // from a Location would conflict in the catalog.
  if (gateway.files.length || gateway.adminUrl) {
    return `${name}: gateway '${
      gateway.id
    }' is read by its own provider (interchange.gateways[].${
      gateway.adminUrl ? 'adminUrl' : 'files'
    }); list this file in that gateway's 'files' instead of a Location, or point the Location at another gateway id`;
  }
  return gateway;
}
