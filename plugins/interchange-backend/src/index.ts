export { interchangePlugin as default } from './plugin';
