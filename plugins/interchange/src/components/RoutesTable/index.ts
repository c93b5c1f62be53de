export { RoutesTable, routeColumns } from './RoutesTable';
export { routeDrift, routesToCsv, toRouteRow } from './routeRows';
export type { RouteRow } from './routeRows';
