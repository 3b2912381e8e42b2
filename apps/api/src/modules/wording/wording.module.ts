import { Module } from '@nestjs/common';
import { WordingGate } from '../review/wording-gate';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { DuplicateSignaturesRepository } from './duplicate-signatures.repository';
import { SpellCheckerProvider } from './spell-checkers';
import { WordingConfigStore } from './wording-config.store';
import { WordingSettingsController } from './wording-settings.controller';
import { WordingSettingsService } from './wording-settings.service';
import { WordingController } from './wording.controller';
import { WordingMaintenance } from './wording.maintenance';
import { WordingRepository } from './wording.repository';
import { WordingService } from './wording.service';

/**
 * The wording review: the check endpoint, the settings, brand rules and word list, and the
 * duplicate index. Exports WordingService (post findings, indexPost) and provides it as the
 * review's WordingGate.
 */
@Module({
  imports: [WorkspacesModule],
  controllers: [WordingController, WordingSettingsController],
  providers: [
    WordingRepository,
    DuplicateSignaturesRepository,
    WordingConfigStore,
    SpellCheckerProvider,
    WordingService,
    WordingSettingsService,
    WordingMaintenance,
    { provide: WordingGate, useExisting: WordingService },
  ],
  exports: [WordingService, WordingGate],
})
export class WordingModule {}
