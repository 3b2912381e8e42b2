import { Inject, Injectable } from '@nestjs/common';
import { type Platform } from '@postplan/contracts';
import { ADAPTER_FACTORIES, type PlatformAdapter } from '@postplan/platforms';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';

/**
 * The adapters this server publishes with, one per platform. A platform without an adapter
 * fails its publications permanently (NO_ADAPTER) instead of guessing.
 */
@Injectable()
export class PlatformAdapters {
  private readonly byPlatform = new Map<Platform, PlatformAdapter>();

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const p = config.publishing;
    const deps = {
      webhook: { allow: config.webhookAllow },
      sandbox: { baseUrl: p.sandboxUrl, timeoutMs: p.callTimeoutMs },
    };
    for (const factory of Object.values(ADAPTER_FACTORIES)) this.register(factory(deps));
  }

  /** Adds or replaces the adapter of its platform (tests point adapters at fakes this way). */
  register(adapter: PlatformAdapter): void {
    this.byPlatform.set(adapter.platform, adapter);
  }

  get(platform: Platform): PlatformAdapter | undefined {
    return this.byPlatform.get(platform);
  }

  all(): PlatformAdapter[] {
    return [...this.byPlatform.values()];
  }
}
