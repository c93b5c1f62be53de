export type {
  BusBroker,
  BusKind,
  BusLiveState,
  DepthHistoryStore,
  DepthPoint,
  DestinationDepth,
} from './types';
