import type { ConsoleApi } from './api.js';
import { ConversationView } from './conversation-view.js';
import { DeliveriesView } from './deliveries-view.js';
import { CallbacksView } from './callbacks-view.js';
import { Alerts, LiveConnection } from './live.js';
import { IncomingCallBar } from './call-controls.js';
import { QueueView } from './queue-view.js';
import { ReportsView } from './reports-view.js';
import { RotaView } from './rota-view.js';
import { AdminView } from './admin-view.js';
import { CannedView } from './canned-view.js';
import { UnreadTracker } from './unread.js';
import { SubjectAccessView } from './subject-access-view.js';
import { SupervisorView } from './supervisor-view.js';
import { SearchView } from './search-view.js';
import { AuditView } from './audit-view.js';
import type { Agent, Presence, QueueItem } from './types.js';
import { el, errorText, humanise, say } from './ui.js';

interface View {
  mount(main: HTMLElement, notice?: string): void;
  destroy(): void;
}

export interface Shell {
  main: HTMLElement;
  account: HTMLElement;
  nav: HTMLElement;
  announcer: HTMLElement;
  alertAnnouncer: HTMLElement;
}

/** The signed-in console: header controls, navigation, hash routes, live alerts. */
export class Workspace {
  readonly live: LiveConnection;
  readonly alerts: Alerts;
  private view: View | null = null;
  private readonly queues = new Map<string, string>();
  private readonly cleanup: (() => void)[] = [];
  private notice: string | undefined;
  private readonly connection = el('span', { class: 'ca-connection', role: 'status' });
  /** Residents' messages not yet seen, per conversation held, and in the tab title (unread.ts). */
  readonly unread: UnreadTracker;
  /** Set by Accept: the conversation opened next puts focus in its reply box. */
  private focusReplyNext = false;

  constructor(
    readonly api: ConsoleApi,
    public agent: Agent,
    private readonly shell: Shell,
    private readonly signedOut: (message?: string) => void,
  ) {
    this.live = new LiveConnection();
    this.alerts = new Alerts();
    this.unread = new UnreadTracker(api);
  }

  /** The next conversation view puts focus in its reply box (after Accept), once. */
  focusReplyOnOpen(): void {
    this.focusReplyNext = true;
  }

  takeFocusReply(): boolean {
    const wanted = this.focusReplyNext;
    this.focusReplyNext = false;
    return wanted;
  }

  get isSupervisor(): boolean {
    return this.agent.roles.includes('supervisor') || this.agent.roles.includes('admin');
  }

  /** Subject access and erasure are for admins only (a supervisor is not an admin unless given the role). */
  get isAdmin(): boolean {
    return this.agent.roles.includes('admin');
  }

  start(): void {
    // Agents arriving are available unless they had said busy.
    const arriving = !this.agent.status || this.agent.status === 'away';
    if (arriving) this.agent = { ...this.agent, status: 'available' };
    this.live.setPresence(this.agent.status!);
    if (arriving) void this.api.setStatus('available').catch(() => undefined);
    this.renderAccount();
    this.renderNav();
    this.live.onConnectionChange = (connected) => {
      this.connection.textContent = connected ? '' : 'Live updates paused: reconnecting…';
    };
    this.cleanup.push(
      this.live.on('handoff:new', (e) => void this.alertIfListed(e.id)),
      this.live.on('session:ended', () => this.signedOut('Your session has ended. Sign in again to carry on.')),
      this.live.on('handoff:offered', (e) => {
        if (e.overflow) {
          say(this.shell.alertAnnouncer, 'An urgent conversation has been offered to you because no one with the right skills is available: accept it from the queue');
          this.alerts.beep(true);
          return;
        }
        say(this.shell.announcer, 'A handoff has been offered to you: accept it from the queue');
        this.alerts.beep(false);
      }),
    );
    this.unread.start(this.live);
    this.cleanup.push(() => this.unread.stop());
    // Calls ring in the browser on any page (a bridged caller, a colleague's consultation): call-controls.ts.
    const phoneBar = new IncomingCallBar();
    this.shell.main.parentElement?.insertBefore(phoneBar.element, this.shell.main);
    void phoneBar.start();
    this.cleanup.push(() => {
      phoneBar.destroy();
      phoneBar.element.remove();
    });
    const onHash = () => this.route();
    window.addEventListener('hashchange', onHash);
    this.cleanup.push(() => window.removeEventListener('hashchange', onHash));
    this.route();
  }

  /**
   * Sounds and announces a new handoff only when it is in this agent's own queue listing: an
   * alert for something they cannot open would send them to "No one is waiting". The server
   * already sends it only to those who can open it; the listing is the final word.
   */
  private async alertIfListed(id: string): Promise<void> {
    let item: QueueItem | undefined;
    try {
      const { handoffs } = await this.api.queue();
      item = handoffs.find((h) => h.id === id && !h.agentId);
    } catch {
      return;
    }
    if (!item) return;
    const urgent = item.priority === 'urgent';
    const what = item.safety?.label ?? item.reasonLabel ?? humanise(item.reason);
    const text = `${urgent ? 'Urgent handoff' : 'New handoff'}: ${what}, ${item.queueName || this.queueName(item.queue)}`;
    say(urgent ? this.shell.alertAnnouncer : this.shell.announcer, text);
    this.alerts.beep(urgent);
    this.alerts.notify(urgent ? 'Urgent: a resident needs help' : 'A resident is waiting', text, () => this.navigate('#/queue'));
  }

  stop(): void {
    this.view?.destroy();
    this.view = null;
    for (const c of this.cleanup.splice(0)) c();
    this.live.close();
    this.shell.account.replaceChildren();
    this.shell.nav.replaceChildren();
    this.shell.nav.closest('nav')?.setAttribute('hidden', '');
  }

  /** Goes to a page; `notice` is a success message shown at the top of it. */
  navigate(hash: string, notice?: string): void {
    this.notice = notice;
    if (location.hash === hash) this.route();
    else location.hash = hash;
  }

  rememberQueue(id: string, name: string): void {
    if (id) this.queues.set(id, name || id);
  }

  knownQueues(): [string, string][] {
    return [...this.queues.entries()];
  }

  queueName(id: string): string {
    return this.queues.get(id) ?? humanise(id);
  }

  private route(): void {
    const hash = location.hash || '#/queue';
    const notice = this.notice;
    this.notice = undefined;
    this.view?.destroy();
    let view: View;
    let page = 'queue';
    const conv = /^#\/conversation\/(.+)$/.exec(hash);
    if (conv) {
      view = new ConversationView(this, decodeURIComponent(conv[1]));
      page = 'conversation';
    } else if (hash === '#/supervisor' && this.isSupervisor) {
      view = new SupervisorView(this);
      page = 'supervisor';
    } else if (hash === '#/reports' && this.isSupervisor) {
      view = new ReportsView(this);
      page = 'reports';
    } else if (hash === '#/rota' && this.isSupervisor) {
      view = new RotaView(this);
      page = 'rota';
    } else if (hash === '#/search' || hash.startsWith('#/search/')) {
      view = new SearchView(this, hash);
      page = 'search';
    } else if (hash === '#/audit' && this.isAdmin) {
      view = new AuditView(this);
      page = 'audit';
    } else if (hash === '#/callbacks') {
      view = new CallbacksView(this);
      page = 'callbacks';
    } else if (hash === '#/deliveries' && this.isSupervisor) {
      view = new DeliveriesView(this);
      page = 'deliveries';
    } else if (hash === '#/canned' && this.isSupervisor) {
      view = new CannedView(this);
      page = 'canned';
    } else if (hash === '#/staff' && this.isAdmin) {
      view = new AdminView(this);
      page = 'staff';
    } else if (hash === '#/subject-access' && this.isAdmin) {
      view = new SubjectAccessView(this);
      page = 'subject-access';
    } else {
      view = new QueueView(this);
    }
    this.view = view;
    this.shell.nav.querySelectorAll('a').forEach((a) => {
      if (a.dataset.page === page) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    });
    view.mount(this.shell.main, notice);
  }

  private renderNav(): void {
    this.shell.nav.closest('nav')?.removeAttribute('hidden');
    const link = (href: string, page: string, text: string) => el('li', { class: 'ca-nav__item' }, el('a', { class: 'ca-nav__link', href, 'data-page': page }, text));
    this.shell.nav.replaceChildren(
      el(
        'ul',
        { class: 'ca-nav__list' },
        link('#/queue', 'queue', 'Queue'),
        link('#/callbacks', 'callbacks', 'Call-backs'),
        link('#/search', 'search', 'Search'),
        this.isSupervisor ? link('#/supervisor', 'supervisor', 'Supervisor') : null,
        this.isSupervisor ? link('#/reports', 'reports', 'Reports') : null,
        this.isSupervisor ? link('#/rota', 'rota', 'On-call rota') : null,
        this.isSupervisor ? link('#/canned', 'canned', 'Canned responses') : null,
        this.isSupervisor ? link('#/deliveries', 'deliveries', 'Back-office deliveries') : null,
        this.isAdmin ? link('#/subject-access', 'subject-access', 'Subject access') : null,
        this.isAdmin ? link('#/staff', 'staff', 'Staff') : null,
        this.isAdmin ? link('#/audit', 'audit', 'Audit trail') : null,
      ),
    );
  }

  private renderAccount(): void {
    const presence = el(
      'select',
      { id: 'presence', class: 'govuk-select ca-presence', name: 'presence' },
      ...(['available', 'busy', 'away'] as Presence[]).map((s) => el('option', { value: s }, humanise(s))),
    );
    presence.value = this.agent.status ?? 'available';
    presence.addEventListener('change', async () => {
      const status = presence.value as Presence;
      this.live.setPresence(status);
      try {
        const { agent } = await this.api.setStatus(status);
        this.agent = { ...this.agent, ...agent };
        say(this.shell.announcer, `Your status is now ${humanise(status).toLowerCase()}`);
      } catch (err) {
        say(this.shell.alertAnnouncer, `Could not change your status: ${errorText(err)}`);
      }
    });

    const mute = el('button', { type: 'button', class: 'ca-header-button', id: 'mute', 'aria-pressed': String(this.alerts.muted) }, 'Mute alert sound');
    mute.addEventListener('click', () => {
      this.alerts.setMuted(!this.alerts.muted);
      mute.setAttribute('aria-pressed', String(this.alerts.muted));
    });
    const notifications = el('button', { type: 'button', class: 'ca-header-button', id: 'notifications' }, 'Turn on desktop notifications');
    notifications.hidden = this.alerts.notificationPermission !== 'default';
    notifications.addEventListener('click', async () => {
      const result = await this.alerts.requestNotifications();
      notifications.hidden = true;
      say(this.shell.announcer, result === 'granted' ? 'Desktop notifications are on' : 'Desktop notifications are off. You can change this in your browser settings.');
    });
    const signOut = el('button', { type: 'button', class: 'ca-header-button', id: 'sign-out' }, 'Sign out');
    signOut.addEventListener('click', async () => {
      await this.api.logout().catch(() => undefined);
      this.signedOut('You have signed out.');
    });
    const everywhere = el('button', { type: 'button', class: 'ca-header-button', id: 'sign-out-everywhere' }, 'Sign out everywhere');
    everywhere.addEventListener('click', async () => {
      try {
        await this.api.logoutEverywhere();
        this.signedOut('You have signed out on every device.');
      } catch (err) {
        say(this.shell.alertAnnouncer, `Could not sign out everywhere: ${errorText(err)}`);
      }
    });
    this.shell.account.replaceChildren(
      el('span', { class: 'ca-account__name' }, el('span', { class: 'govuk-visually-hidden' }, 'Signed in as '), this.agent.name),
      el('span', { class: 'ca-account__presence' }, el('label', { for: 'presence', class: 'ca-account__label' }, 'Your status'), presence),
      mute,
      notifications,
      signOut,
      everywhere,
      this.connection,
    );
  }
}
