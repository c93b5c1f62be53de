export * from './destinationStatus';
