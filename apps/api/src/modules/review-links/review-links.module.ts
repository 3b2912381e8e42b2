import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CommentsModule } from '../comments/comments.module';
import { ReviewModule } from '../review/review.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { ReviewLinkVisitsController } from './review-link-visits.controller';
import { ReviewLinkVisitsService } from './review-link-visits.service';
import { ReviewLinksController } from './review-links.controller';
import { ReviewLinksMaintenance } from './review-links.maintenance';
import { ReviewLinksRepository } from './review-links.repository';
import { ReviewLinksService } from './review-links.service';
import { UnlockAttemptsRepository } from './unlock-attempts.repository';

/** Client review links: managed by owners and admins, used by visitors without an account. */
@Module({
  imports: [AuthModule, WorkspacesModule, ReviewModule, CommentsModule],
  controllers: [ReviewLinksController, ReviewLinkVisitsController],
  providers: [
    ReviewLinksRepository,
    UnlockAttemptsRepository,
    ReviewLinksService,
    ReviewLinkVisitsService,
    ReviewLinksMaintenance,
  ],
})
export class ReviewLinksModule {}
