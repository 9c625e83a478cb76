import type { SessionState } from './stores/create-session.ts';
import { paths, safeNextPath } from './paths.ts';

const signInSteps = new Set<string>([paths.signIn, paths.secondFactor]);

/**
 * Decides where the session's state sends the user from `path` (inside the admin), or
 * `undefined` to stay. `next` is the page to return to after signing in.
 */
export function sessionRedirect(
  state: SessionState,
  path: string,
  next: string | undefined,
): string | undefined {
  if (state.status === 'loading' || state.status === 'unreachable') {
    return undefined;
  }
  if (path === paths.passwordReset) {
    return undefined;
  }
  const returnTo =
    safeNextPath(next) ?? (signInSteps.has(path) || path === paths.enrolment ? undefined : path);
  const withNext = (target: string) =>
    returnTo && returnTo !== '/' ? `${target}?tiep=${encodeURIComponent(returnTo)}` : target;

  if (state.status === 'signed-out') {
    return path === paths.signIn ? undefined : withNext(paths.signIn);
  }
  if (state.status === 'second-factor') {
    return path === paths.secondFactor ? undefined : withNext(paths.secondFactor);
  }
  if (state.status === 'enrolment') {
    return path === paths.enrolment ? undefined : withNext(paths.enrolment);
  }
  if (signInSteps.has(path)) {
    return returnTo ?? paths.dashboard;
  }
  if (path === paths.enrolment && state.me.secondFactor.isEnrolled) {
    return returnTo ?? paths.dashboard;
  }
  return undefined;
}
