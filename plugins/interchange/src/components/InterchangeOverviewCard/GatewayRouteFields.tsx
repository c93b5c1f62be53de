import { GatewayRouteEntityV1alpha1 } from '@interchange/plugin-interchange-common';
import { Field } from '../FieldList';
import { Chips } from '../Chips';
import { Refs } from '../Refs';

export function gatewayRouteFields(
  entity: GatewayRouteEntityV1alpha1,
): Field[] {
  const spec = entity.spec;
  const ns = entity.metadata.namespace;
  return [
    { label: 'Gateway', value: <code>{spec.gateway}</code> },
    {
      label: 'Hosts',
      value: spec.hosts?.length ? (
        <Chips values={spec.hosts} mono />
      ) : (
        'any host'
      ),
    },
    { label: 'Paths', value: <Chips values={spec.paths} mono /> },
    {
      label: 'Methods',
      value: spec.methods?.length ? (
        <Chips values={spec.methods} />
      ) : (
        'all methods'
      ),
    },
    {
      label: 'Upstream',
      value: (
        <Refs refs={spec.upstream} defaultKind="Component" namespace={ns} />
      ),
    },
    {
      label: 'Upstream URL',
      value: spec.upstreamUrl && <code>{spec.upstreamUrl}</code>,
    },
    {
      label: 'Exposes API',
      value: <Refs refs={spec.api} defaultKind="API" namespace={ns} />,
    },
    { label: 'Exposure', value: spec.exposure },
    { label: 'Authentication', value: spec.authentication },
    {
      label: 'Rate limit',
      value:
        spec.rateLimit &&
        `${spec.rateLimit.requests} requests per ${spec.rateLimit.period}`,
    },
  ];
}
