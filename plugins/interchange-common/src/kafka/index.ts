export * from './lag';
export * from './lagStatus';
export * from './drift';
export * from './topicPolicy';
