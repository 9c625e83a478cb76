export { createServiceAdminRoutes, type ServiceAdminOptions } from './admin-routes.ts';
export {
  loadDemoServiceFiles,
  syncDemoServices,
  type DemoServicesFile,
  type DemoServicesReport,
  type SyncDemoServicesOptions,
} from './demo-services.ts';
export { createInboundApi, type InboundApiOptions } from './inbound-api.ts';
export {
  configuredTargets,
  createNationalPortalClients,
  HttpNationalPortalClient,
  loadNationalPortalSettings,
  type NationalPortalClient,
  type NationalPortalSettings,
  type NationalTarget,
} from './national-portal.ts';
export {
  enqueueServicesDailyRun,
  registerServiceJobs,
  type ServiceJobDependencies,
} from './national-sync.ts';
export { servicePaths } from './paths.ts';
export { listPublishedServices, type PublicService } from './public-catalogue.ts';
export { createServicePages, type ServicePagesOptions } from './public-routes.tsx';
