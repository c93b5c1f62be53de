export { InterchangeErrorPanel, describeError } from './InterchangeErrorPanel';
export type { ErrorHints } from './InterchangeErrorPanel';
