export { Refs } from './Refs';
