import { createContext, useContext, type ParentProps } from 'solid-js';

import { createApiClient, type ApiClient } from '../api/client.ts';
import { createI18n, type I18n } from '../i18n/create-i18n.ts';
import { createConnection, type Connection } from './create-connection.ts';
import { createSession, type Session } from './create-session.ts';
import { createTenantScope, type TenantScope } from './create-tenant-scope.ts';

export type AppServices = {
  api: ApiClient;
  i18n: I18n;
  connection: Connection;
  session: Session;
  scope: TenantScope;
};

const AppContext = createContext<AppServices>();

/** Builds every store of the admin once and wires the API client's signals to them. */
export function createAppServices(): AppServices {
  const i18n = createI18n();
  const connection = createConnection();
  let session: Session | undefined;
  const api = createApiClient({
    onNetworkFailure: connection.reportNetworkFailure,
    onServerReached: connection.reportServerReached,
    onSessionEnded: () => session?.markExpired(),
    onEnrolmentRequired: () => void session?.refresh(),
  });
  session = createSession(() => api);
  // Portals load once the sign-in steps are done; before that the server refuses the list.
  const readyMe = () => (session.state().status === 'ready' ? session.me() : undefined);
  const scope = createTenantScope(() => api, readyMe);

  return { api, i18n, connection, session, scope };
}

export function AppProvider(props: ParentProps<{ services: AppServices }>) {
  return <AppContext.Provider value={props.services}>{props.children}</AppContext.Provider>;
}

/** The admin's stores, for any component under `AppProvider`. */
export function useApp(): AppServices {
  const services = useContext(AppContext);
  if (!services) {
    throw new Error('useApp() needs an <AppProvider> above it');
  }
  return services;
}
