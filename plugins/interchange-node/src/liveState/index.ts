export type {
  BusBroker,
  BusKind,
  BusLiveState,
  BusLiveStateReader,
  BusReadTypes,
  DepthHistoryStore,
  DepthPoint,
  DestinationDepth,
} from './types';
export {
  Reachability,
  unreachableSinceOf,
  withUnreachableSince,
} from './Reachability';
export type { UnreachableSince } from './Reachability';
