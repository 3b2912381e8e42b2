import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { ConfigError, loadConfig } from './config/app-config';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(78);
    }
    throw e;
  }
  // Required here, not at the top: a worker process must not load the modules it leaves out.
  const app =
    config.role === 'worker'
      ? await (await import('./worker.factory.js')).createWorkerApp(config)
      : await (await import('./app.factory.js')).createApp(config);
  await app.listen(config.port, config.host);
  app.get(Logger).log(`Postplan listens on http://${config.host}:${config.port}`);
}

main().catch((e: unknown) => {
  process.stderr.write(
    `Postplan failed to start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
  );
  process.exit(1);
});
