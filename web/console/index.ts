import { ConsoleApi } from './api.js';
import { SignIn } from './sign-in.js';
import { StaffSignIn } from './staff-sign-in.js';
import type { Agent } from './types.js';
import { Workspace, type Shell } from './workspace.js';

/** Entry point of console.js, loaded by web/console/index.html (served at /console). */
function start(): void {
  const shell: Shell = {
    main: document.getElementById('main-content')!,
    account: document.getElementById('account')!,
    nav: document.getElementById('nav')!,
    announcer: document.getElementById('announcer')!,
    alertAnnouncer: document.getElementById('announcer-urgent')!,
  };
  const api = new ConsoleApi();
  // One console can serve several councils: ?tenant= picks which one signs in.
  const tenant = new URLSearchParams(location.search).get('tenant') ?? document.querySelector<HTMLMetaElement>('meta[name="council-tenant"]')?.content ?? undefined;
  let workspace: Workspace | null = null;

  const signIn = new SignIn(shell.main, api, tenant || undefined, (agent) => enter(agent));
  // Single sign-on and invitation links (issue 16).
  const staffSignIn = new StaffSignIn(shell.main, api, signIn, tenant || undefined);
  signIn.decoratePasswordPage = (form) => staffSignIn.decorate(form);

  function enter(agent: Agent): void {
    workspace?.stop();
    if (!location.hash || !location.hash.startsWith('#/')) history.replaceState(null, '', `${location.pathname}${location.search}#/queue`);
    workspace = new Workspace(api, agent, shell, signedOut);
    workspace.start();
  }

  function signedOut(message?: string): void {
    workspace?.stop();
    workspace = null;
    api.csrfToken = '';
    history.replaceState(null, '', `${location.pathname}${location.search}`);
    signIn.password(message);
  }

  api.onSignedOut = () => {
    if (workspace) signedOut('Your session has ended. Sign in again to carry on.');
  };

  // An invitation link is for whoever opens it, even in a browser signed in as someone else.
  if (StaffSignIn.pending() === 'invite') return void staffSignIn.resume();
  api.me().then(
    ({ agent }) => enter(agent),
    () => (StaffSignIn.pending() ? void staffSignIn.resume() : signIn.password()),
  );
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
