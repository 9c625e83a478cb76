export * from './roles.ts';
export * from './tenants.ts';
export * from './content.ts';
