export { interchangeApiRef } from './InterchangeApi';
export type * from './InterchangeApi';
export { InterchangeClient } from './InterchangeClient';
