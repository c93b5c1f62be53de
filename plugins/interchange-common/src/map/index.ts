export type {
  FocusSet,
  MapEdge,
  MapFilters,
  MapModel,
  MapModelOptions,
  MapNode,
} from './mapModel';
export {
  buildMapModel,
  filterChoices,
  groupOf,
  indexFindings,
  labelOf,
  MAX_ENTITY_NODES,
  NO_FILTERS,
  NO_SYSTEM,
} from './mapModel';
export { focusSetOf } from './focus';
export { MAP_FIELDS, MAP_KINDS } from './mapQuery';
export type { MapLayoutJob } from './elkJobs';
export {
  companyMapModels,
  ENTITY_SIZE,
  GROUP_LAYOUT,
  LAYERED_BOXES_MAX,
  sizeRootJob,
  SYSTEM_SIZE,
  toElkJobs,
} from './elkJobs';
export type { PlacedJob } from './placedJob';
export {
  fromMapLayoutPlacement,
  hashJob,
  toMapLayoutPlacement,
} from './placedJob';
