export * from './roles.ts';
export * from './tenants.ts';
export * from './content.ts';
export * from './accounts.ts';
export * from './audit.ts';
export * from './media.ts';
export * from './jobs.ts';
