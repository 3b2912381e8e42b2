import { Foundation1763700000000 } from './1763700000000-foundation';
import { CalendarVersion1763800000000 } from './1763800000000-calendar-version';
import { Review1763900000000 } from './1763900000000-review';
import { Wording1764000000000 } from './1764000000000-wording';
import { Notifications1764100000000 } from './1764100000000-notifications';
import { CrisisStop1764200000000 } from './1764200000000-crisis-stop';
import { Comments1764300000000 } from './1764300000000-comments';
import { ReviewLinks1764400000000 } from './1764400000000-review-links';
import { ApprovalPolicyVersion1764500000000 } from './1764500000000-approval-policy-version';
import { Publications1764700000000 } from './1764700000000-publications';
import { Accounts1764600000000 } from './1764600000000-accounts';
import { DeletedCommentText1764605000000 } from './1764605000000-deleted-comment-text';
import { PlanExchange1764800000000 } from './1764800000000-plan-exchange';
import { BrandRuleGenders1765000000000 } from './1765000000000-brand-rule-genders';
import { PostSearch1765010000000 } from './1765010000000-post-search';
import { ChannelConnections1766000000000 } from './1766000000000-channel-connections';
import { Media1766100000000 } from './1766100000000-media';
import { Campaigns1766200000000 } from './1766200000000-campaigns';
import { Contests1766300000000 } from './1766300000000-contests';
import { VariantOptions1766600000000 } from './1766600000000-variant-options';
import { OAuthAccountChoices1767100000000 } from './1767100000000-oauth-account-choices';

/** Every migration, oldest first. A new migration is a new file here and a line in this list. */
export const migrations = [
  Foundation1763700000000,
  CalendarVersion1763800000000,
  Review1763900000000,
  Wording1764000000000,
  Notifications1764100000000,
  CrisisStop1764200000000,
  Comments1764300000000,
  ReviewLinks1764400000000,
  ApprovalPolicyVersion1764500000000,
  Accounts1764600000000,
  DeletedCommentText1764605000000,
  Publications1764700000000,
  PlanExchange1764800000000,
  BrandRuleGenders1765000000000,
  PostSearch1765010000000,
  ChannelConnections1766000000000,
  Media1766100000000,
  Campaigns1766200000000,
  Contests1766300000000,
  VariantOptions1766600000000,
  OAuthAccountChoices1767100000000,
];
