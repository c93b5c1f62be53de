export * from './names';
export * from './queueArguments';
