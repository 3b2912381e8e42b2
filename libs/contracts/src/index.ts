export * from './errors';
export * from './common';
export * from './auth';
export * from './workspaces';
export * from './channels';
export * from './posts';
export * from './health';
