// Fake platform servers for tests and benchmarks; not part of the runtime API.
export * from './sandbox/sandbox.fake';
export * from './x/x.fake';
