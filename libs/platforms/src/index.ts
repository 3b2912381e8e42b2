export * from './adapter';
export * from './registry';
export * from './manual/manual.adapter';
export * from './webhook/webhook-address';
export * from './webhook/webhook.adapter';
export * from './testing/fake-server';
