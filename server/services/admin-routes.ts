import { createApiRouter } from '../api/openapi.ts';
import type { WorkflowDependencies } from '../workflow/apply-transition.ts';
import { addDossierRoutes } from './admin-dossier-routes.ts';
import { addServiceRoutes } from './admin-service-routes.ts';
import { configuredTargets, loadNationalPortalSettings } from './national-portal.ts';

export type ServiceAdminOptions = Pick<WorkflowDependencies, 'getCalendar' | 'onPublicChange'>;

/**
 * Creates the services admin under `/api/admin/services`: the catalogue, dossiers and
 * integration tokens. It reads the national-system settings from the environment.
 */
export function createServiceAdminRoutes(options: ServiceAdminOptions) {
  const router = createApiRouter();
  const nationalTargets = configuredTargets(loadNationalPortalSettings());

  // The fixed paths come first: `/{serviceId}` would otherwise take `/dossiers` and reject it
  // as an invalid id.
  addDossierRoutes(router, { getCalendar: options.getCalendar, nationalTargets });
  addServiceRoutes(router, options.onPublicChange);

  return router;
}
