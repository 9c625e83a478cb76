import { Route, Router } from '@solidjs/router';
import { For } from 'solid-js';

import { AppRoot } from './components/AppRoot.tsx';
import { PageGuard } from './components/PageGuard.tsx';
import { Shell } from './components/Shell.tsx';
import { shellPages } from './pages.ts';
import { adminBase, paths } from './paths.ts';
import Enrolment from './routes/Enrolment.tsx';
import NotFound from './routes/NotFound.tsx';
import PasswordReset from './routes/PasswordReset.tsx';
import SecondFactor from './routes/SecondFactor.tsx';
import SignIn from './routes/SignIn.tsx';
import { AppProvider, type AppServices } from './stores/app-context.tsx';

/** The admin: the sign-in steps stand alone, every other page opens inside the shell. */
export function App(props: { services: AppServices }) {
  return (
    <AppProvider services={props.services}>
      <Router base={adminBase} root={AppRoot}>
        <Route path={paths.signIn} component={SignIn} />
        <Route path={paths.secondFactor} component={SecondFactor} />
        <Route path={paths.enrolment} component={Enrolment} />
        <Route path={paths.passwordReset} component={PasswordReset} />
        <Route path="/" component={Shell}>
          <For each={shellPages}>
            {(page) => <Route path={page.path} component={() => <PageGuard page={page} />} />}
          </For>
          <Route path="*404" component={NotFound} />
        </Route>
      </Router>
    </AppProvider>
  );
}
