export * from './adapter';
export * from './http-errors';
export * from './sandbox/sandbox.adapter';
export * from './manual/manual.adapter';
