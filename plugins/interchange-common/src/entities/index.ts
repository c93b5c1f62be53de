export * from './constants';
export * from './relations';
export * from './types';
export * from './guards';
export * from './schemas';
export * from './annotations';
