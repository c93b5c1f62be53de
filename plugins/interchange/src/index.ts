export { interchangePlugin, InterchangePage } from './plugin';
