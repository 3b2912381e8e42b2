export * from './time/zoned-time';
export * from './wording';
export * from './review';
export * from './contests';
export * from './campaigns';
