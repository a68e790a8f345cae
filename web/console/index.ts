import { ConsoleApi } from './api.js';
import { SignIn } from './sign-in.js';
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

  api.me().then(
    ({ agent }) => enter(agent),
    () => signIn.password(),
  );
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
