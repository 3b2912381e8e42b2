// The review capability's public API, re-exported by @postplan/domain. Specs' fixtures stay out.
export * from './approval-policy.schema';
export * from './approval-round.evaluator';
export * from './canonical-json.util';
export * from './comment-anchor.rules';
export * from './content-hash.rules';
export * from './mention-parser.util';
export * from './post-transition.rules';
export * from './review-error.model';
export * from './review-history.rules';
export * from './review-link.rules';
export * from './review.model';
export * from './revision-diff.util';
export * from './sha256.util';
