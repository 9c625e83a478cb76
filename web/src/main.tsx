import { render } from 'solid-js/web';

import { App } from './App.tsx';
import { createAppServices } from './stores/app-context.tsx';
import { rememberRequestedTenant } from './stores/create-tenant-scope.ts';
import './styles/app.css';

rememberRequestedTenant();

const root = document.getElementById('app');
if (!root) {
  throw new Error('index.html has no #app element');
}
render(() => <App services={createAppServices()} />, root);
