export * from './utm-tagging.rules';
