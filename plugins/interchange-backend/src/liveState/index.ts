export { createLiveStateAccess, historySince } from './liveStateAccess';
export type { LiveStateAccess } from './liveStateAccess';
export { brokerFailure, brokerUnavailable } from './busErrors';
export { createLiveStateHandlers } from './liveStateHandlers';
export type { BrokerError, LiveStateHandlers } from './liveStateHandlers';
