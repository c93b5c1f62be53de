export { createLiveStateAccess, historySince } from './liveStateAccess';
export type { LiveStateAccess } from './liveStateAccess';
export { brokerFailure, brokerUnavailable } from './busErrors';
