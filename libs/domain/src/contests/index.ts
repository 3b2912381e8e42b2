// The contests capability's public API, re-exported by @postplan/domain.
export * from './draw';
export * from './eligibility';
export * from './rules-text';
