import { Injectable, Logger } from '@nestjs/common';
import {
  type ChannelWordingSettings,
  ChannelWordingSettingsSchema,
  type WorkspaceWordingSettings,
  WorkspaceWordingSettingsSchema,
} from '@postplan/domain';
import { toBrandRule } from './wording.mapper';
import { type StoredWordingConfig, WordingRepository } from './wording.repository';

const MAX_CACHED_WORKSPACES = 500;

/**
 * Each workspace's wording configuration compiled for the engine, kept in memory per process and
 * keyed by its version, which moves in the transaction of every change: a check compares the
 * version it read with the one it holds and reloads only when they differ. Keeping the same
 * objects also keeps the engine's own caches warm (its brand matcher and word set are built once
 * per rule list and word list).
 */
@Injectable()
export class WordingConfigStore {
  private readonly logger = new Logger('Wording');
  private readonly entries = new Map<
    string,
    { version: number; settings: WorkspaceWordingSettings }
  >();

  constructor(private readonly repo: WordingRepository) {}

  async get(workspaceId: string, version: number): Promise<WorkspaceWordingSettings> {
    const hit = this.entries.get(workspaceId);
    if (hit && hit.version === version) {
      this.entries.delete(workspaceId);
      this.entries.set(workspaceId, hit);
      return hit.settings;
    }
    const stored = await this.repo.load(workspaceId);
    const settings = this.toEngine(workspaceId, stored);
    this.entries.set(workspaceId, { version: stored.version, settings });
    if (this.entries.size > MAX_CACHED_WORKSPACES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return settings;
  }

  private toEngine(workspaceId: string, stored: StoredWordingConfig): WorkspaceWordingSettings {
    return {
      ...storedWorkspaceSettings(stored.settings, (problem) =>
        this.logger.warn(`Stored wording settings of workspace ${workspaceId} ignored: ${problem}`),
      ),
      brandRules: stored.rules.map(toBrandRule),
      wordList: stored.words,
    };
  }
}

/**
 * Settings as stored. They were validated when written; should a later release tighten the
 * schema, a stored value that no longer passes falls back to the defaults instead of breaking
 * every check of the workspace.
 */
export function storedWorkspaceSettings(
  value: unknown,
  onProblem?: (problem: string) => void,
): WorkspaceWordingSettings {
  const parsed = WorkspaceWordingSettingsSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  onProblem?.(parsed.error.issues[0]?.message ?? 'invalid');
  return {};
}

export function storedChannelSettings(value: unknown): ChannelWordingSettings {
  const parsed = ChannelWordingSettingsSchema.safeParse(value);
  return parsed.success ? parsed.data : {};
}
