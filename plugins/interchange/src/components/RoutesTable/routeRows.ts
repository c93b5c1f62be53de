import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  GatewayRouteEntityV1alpha1,
  RouteDrift,
  ANNOTATION_ROUTE_DRIFT,
  ANNOTATION_UPSTREAM_UNMATCHED,
} from '@interchange/plugin-interchange-common';

/** One route as the inventory and the Routes card show it. */
export interface RouteRow {
  id: string;
  entity: GatewayRouteEntityV1alpha1;
  gateway: string;
  hosts: string;
  paths: string;
  methods: string;
  upstream: string;
  owner: string;
  authentication: string;
  exposure: string;
  drift: number;
}

/** The drift the gateway provider stored on the entity, if any. */
export function routeDrift(entity: Entity): RouteDrift[] | undefined {
  const raw = entity.metadata.annotations?.[ANNOTATION_ROUTE_DRIFT];
  if (!raw) {
    return undefined;
  }
  try {
    return JSON.parse(raw) as RouteDrift[];
  } catch {
    return undefined;
  }
}

export function toRouteRow(entity: GatewayRouteEntityV1alpha1): RouteRow {
  const s = entity.spec;
  const unmatched =
    entity.metadata.annotations?.[ANNOTATION_UPSTREAM_UNMATCHED] === 'true';
  return {
    id: stringifyEntityRef(entity),
    entity,
    gateway: s.gateway,
    hosts: s.hosts?.join(', ') ?? 'any',
    paths: s.paths.join(', '),
    methods: s.methods?.join(', ') ?? 'ANY',
    upstream:
      s.upstream ??
      `${s.upstreamUrl ?? ''}${unmatched ? ' (no component)' : ''}`,
    owner: s.owner,
    authentication: s.authentication ?? 'none',
    exposure: s.exposure ?? '',
    drift: routeDrift(entity)?.length ?? 0,
  };
}

const CSV_COLUMNS: (keyof RouteRow)[] = [
  'gateway',
  'hosts',
  'paths',
  'methods',
  'upstream',
  'owner',
  'authentication',
  'exposure',
  'drift',
  'id',
];

/** RFC 4180 CSV of the rows, for spreadsheets and audits. */
export function routesToCsv(rows: RouteRow[]): string {
  const cell = (v: unknown) => {
    const text = String(v ?? '');
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [
    CSV_COLUMNS.join(','),
    ...rows.map(r => CSV_COLUMNS.map(c => cell(r[c])).join(',')),
  ].join('\r\n');
}
