import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { hunspellChecker, type Language, type SpellCheckers } from '@postplan/domain';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';

const PACKAGES: Record<Language, string> = { de: 'dictionary-de', en: 'dictionary-en' };

/**
 * The Hunspell dictionaries of dictionary-de and dictionary-en, read from node_modules and kept
 * for the life of the process. Building the German one takes one to four seconds, so it is done
 * right after start rather than in the first request that reads a post (tests, which start many
 * apps, and worker processes load them on first use instead). Should they be missing, checks go on without spelling.
 */
@Injectable()
export class SpellCheckerProvider implements OnApplicationBootstrap {
  private readonly logger = new Logger('Wording');
  private loaded: SpellCheckers | null | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  onApplicationBootstrap(): void {
    // A worker process reviews no wording: the dictionaries (over 100 MB of heap) would only
    // weigh on its memory. Should it ever need them, they load on first use.
    if (this.config.env === 'test' || this.config.role === 'worker') return;
    setTimeout(() => this.get(), 0).unref();
  }

  get(): SpellCheckers | undefined {
    if (this.loaded === undefined) this.loaded = this.load();
    return this.loaded ?? undefined;
  }

  private load(): SpellCheckers | null {
    // Resolved from this file, not the working directory, so it works however the API starts.
    const require = createRequire(join(__dirname, 'noop.js'));
    try {
      const checkers: SpellCheckers = {};
      for (const language of ['de', 'en'] as const) {
        const folder = dirname(require.resolve(PACKAGES[language]));
        // The same cache key as the domain's Node loader, so one process builds each only once.
        checkers[language] = hunspellChecker(`node:${language}`, () => ({
          aff: readFileSync(join(folder, 'index.aff')),
          dic: readFileSync(join(folder, 'index.dic')),
        }));
      }
      return checkers;
    } catch (e) {
      this.logger.warn(
        `Spelling is off: the dictionaries could not be loaded (${e instanceof Error ? e.message : String(e)})`,
      );
      return null;
    }
  }
}
