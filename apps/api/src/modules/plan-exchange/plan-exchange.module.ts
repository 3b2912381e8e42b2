import { Module } from '@nestjs/common';
import { MediaModule } from '../media/media.module';
import { PostsModule } from '../posts/posts.module';
import { ReviewModule } from '../review/review.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { CampaignReportService } from './campaign-report';
import { ExportRepository } from './export.repository';
import { ExportService } from './export.service';
import { ExportsController } from './exports.controller';
import { ImportImages } from './import-images';
import { ImportRepository } from './import.repository';
import { ImportService } from './import.service';
import { ImportsController } from './imports.controller';
import { PlanLinksMaintenance } from './plan-links.maintenance';
import {
  CalendarFeedController,
  FeedsController,
  ShareLinksController,
  SharedPlanController,
} from './plan-links.controller';
import { PlanLinksRepository } from './plan-links.repository';
import { PlanLinksService } from './plan-links.service';

/** The plan leaving and entering Postplan: exports, calendar feeds, share links, imports. */
@Module({
  imports: [WorkspacesModule, PostsModule, ReviewModule, MediaModule],
  controllers: [
    ExportsController,
    CalendarFeedController,
    FeedsController,
    ShareLinksController,
    SharedPlanController,
    ImportsController,
  ],
  providers: [
    CampaignReportService,
    ExportRepository,
    ExportService,
    PlanLinksRepository,
    PlanLinksService,
    PlanLinksMaintenance,
    ImportRepository,
    ImportService,
    ImportImages,
  ],
})
export class PlanExchangeModule {}
