export type {
  BusBroker,
  BusKind,
  BusLiveState,
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
