import { AppError } from '../../common/errors/app-error';

export type CampaignErrorCode =
  | 'CAMPAIGN_NOT_FOUND'
  | 'CAMPAIGN_HAS_POSTS'
  | 'CAMPAIGN_OWNER_NOT_MEMBER'
  | 'UNKNOWN_CHANNEL'
  | 'VERSION_REQUIRED'
  | 'INVALID_DATE_RANGE'
  | 'FORBIDDEN_ROLE';

export class CampaignError<C extends CampaignErrorCode = CampaignErrorCode> extends AppError<C> {}

export const campaignNotFound = () =>
  new CampaignError('CAMPAIGN_NOT_FOUND', 'There is no such campaign in this workspace.');
