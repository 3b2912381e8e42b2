import { type Platform } from '@postplan/domain';
import { type PlatformAdapter, PublishError } from './adapter';
import { createManualAdapter } from './manual/manual.adapter';
import { SandboxAdapter } from './sandbox/sandbox.adapter';
import { type WebhookAdapterOptions, createWebhookAdapter } from './webhook/webhook.adapter';

/** What adapters need from the process: configuration, and for tests, injected resolvers. */
export type AdapterDependencies = {
  webhook?: WebhookAdapterOptions;
  /** Where the sandbox platform listens (the server's own /api/sandbox by default). */
  sandbox?: { baseUrl: string; timeoutMs: number };
};

export type AdapterFactory = (deps: AdapterDependencies) => PlatformAdapter;

/**
 * One factory per platform that has an adapter. Adding a platform is one line here plus its
 * adapter file, fake and tests (docs/publishing.md).
 */
export const ADAPTER_FACTORIES: Partial<Record<Platform, AdapterFactory>> = {
  webhook: (deps) => createWebhookAdapter(deps.webhook),
  manual: () => createManualAdapter(),
  sandbox: (deps) =>
    new SandboxAdapter(
      deps.sandbox ?? { baseUrl: 'http://127.0.0.1:3000/api/sandbox', timeoutMs: 30_000 },
    ),
};

export function hasAdapter(platform: Platform): boolean {
  return ADAPTER_FACTORIES[platform] !== undefined;
}

/**
 * The adapter for a platform. A platform without one yet is a permanent failure
 * (PLATFORM_NOT_SUPPORTED): retrying will not make it appear.
 */
export function adapterFor(platform: Platform, deps: AdapterDependencies = {}): PlatformAdapter {
  const factory = ADAPTER_FACTORIES[platform];
  if (!factory) {
    throw new PublishError(
      'permanent',
      'PLATFORM_NOT_SUPPORTED',
      `Postplan cannot publish to ${platform} yet.`,
    );
  }
  return factory(deps);
}
