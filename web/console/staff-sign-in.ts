import { ApiError, type ConsoleApi } from './api.js';
import { StaffApi, type SignInOptions } from './admin-api.js';
import type { SignIn } from './sign-in.js';
import { announcePage, el, ErrorSummary, field, input, type Field } from './ui.js';

/**
 * The sign-in steps staff administration and single sign-on add (issue 16): the "Sign in with …"
 * button on the sign-in page (and the password form hidden where the council switched passwords
 * off), the page an invitation link opens (`#invite=<token>`: set a password, then enrol an
 * authenticator), and the return from the council's sign-in service (`#sso=totp|enrol` when our
 * own code must follow, `#sso-error=<code>` when it was refused).
 */

/** Why a single sign-on was refused (the server's codes: handoff/agents/sso.ts). */
const SSO_ERRORS: Record<string, string> = {
  not_configured: 'Single sign-on is not set up for this council.',
  state_mismatch: 'The sign-in could not be checked: it may have been started in another tab or browser. Start again.',
  expired: 'The sign-in took too long or was already used. Start again.',
  provider_error: 'Your council’s sign-in service did not sign you in. Start again.',
  invalid_response: 'The answer from your council’s sign-in service could not be verified. Start again, and tell IT if it happens again.',
  no_email: 'Your council’s sign-in service did not give an email address for you. Tell IT.',
  not_invited: 'There is no console account for you yet. Ask a console administrator to invite you.',
  linked_elsewhere: 'Your email address belongs to a console account linked to another sign-in. Ask a console administrator.',
  disabled: 'Your console account is disabled. Ask a console administrator.',
  no_role: 'You are not in any group that gives access to the console. Ask IT to add you.',
  mfa_required: 'Your council needs you to sign in with a second factor (multi-factor authentication) at its sign-in service. Start again.',
};

export class StaffSignIn {
  private readonly staff: StaffApi;
  private options: Promise<SignInOptions | null> | null = null;

  constructor(
    private readonly main: HTMLElement,
    api: ConsoleApi,
    private readonly signIn: SignIn,
    private readonly tenant: string | undefined,
  ) {
    this.staff = new StaffApi(api);
  }

  /** The fragment this page was opened with, if it is one of ours. */
  static pending(): 'invite' | 'sso' | null {
    if (location.hash.startsWith('#invite=')) return 'invite';
    if (location.hash.startsWith('#sso=') || location.hash.startsWith('#sso-error=')) return 'sso';
    return null;
  }

  private clearHash(): void {
    history.replaceState(null, '', `${location.pathname}${location.search}`);
  }

  private signInOptions(): Promise<SignInOptions | null> {
    this.options ??= this.staff.signInOptions(this.tenant).catch(() => null);
    return this.options;
  }

  /** Carries on from an invitation link or a return from single sign-on. */
  async resume(): Promise<void> {
    const hash = location.hash;
    this.clearHash();
    if (hash.startsWith('#invite=')) return this.invitation(decodeURIComponent(hash.slice('#invite='.length)));
    if (hash.startsWith('#sso-error=')) {
      const code = hash.slice('#sso-error='.length);
      return this.signIn.password(SSO_ERRORS[code] ?? 'Single sign-on did not work. Start again.');
    }
    try {
      const state = await this.staff.signInState();
      if (state.stage === 'enrol') return void (await this.signIn.enrol());
      if (state.stage === 'totp') return this.signIn.challenge();
      location.reload();
    } catch {
      this.signIn.password('Your sign-in timed out. Sign in again.');
    }
  }

  /** Called by the password page once drawn: adds the single sign-on button; removes the form where passwords are off. */
  decorate(form: HTMLFormElement): void {
    void this.signInOptions().then((options) => {
      if (!options?.singleSignOn || !form.isConnected) return;
      const start = el('a', { class: 'govuk-button govuk-button--secondary', id: 'sso-start', href: options.singleSignOn.startUrl, draggable: 'false' }, options.singleSignOn.label);
      if (options.passwordSignIn) {
        form.after(el('h2', { class: 'govuk-heading-m' }, 'Or use your council account'), start);
        return;
      }
      const intro = form.previousElementSibling;
      if (intro?.tagName === 'P') intro.textContent = 'Sign in with your council account. Your council’s sign-in service checks who you are.';
      form.replaceWith(start);
      start.focus();
    });
  }

  private async invitation(token: string): Promise<void> {
    const h1 = el('h1', { class: 'govuk-heading-l' }, 'Set up your console account');
    this.main.replaceChildren(h1, el('p', { class: 'govuk-body', role: 'status' }, 'Checking your invitation…'));
    let invite;
    try {
      invite = await this.staff.checkInvite(token);
    } catch (err) {
      const gone = err instanceof ApiError && (err.status === 410 || err.status === 400);
      const title = el('h1', { class: 'govuk-heading-l' }, gone ? 'This invitation link does not work' : 'Sorry, there is a problem');
      this.main.replaceChildren(
        title,
        el('p', { class: 'govuk-body' }, gone ? 'It has expired, has been used already or was withdrawn. Ask a console administrator for a new link.' : 'Try the link again in a few minutes.'),
        el('p', { class: 'govuk-body' }, el('a', { href: `${location.pathname}${location.search}` }, 'Go to the sign-in page')),
      );
      announcePage(title.textContent ?? '', title);
      return;
    }
    const welcome = el('p', { class: 'govuk-body' }, `You have been invited to the agent console as ${invite.name} (${invite.email}).`);
    if (!invite.passwordSignIn && invite.singleSignOn) {
      const start = el('a', { class: 'govuk-button', id: 'sso-start', href: invite.singleSignOn.startUrl, draggable: 'false' }, invite.singleSignOn.label);
      this.main.replaceChildren(h1, welcome, el('p', { class: 'govuk-body' }, 'Your council signs staff in with its own sign-in service.'), start);
      announcePage('Set up your console account', h1);
      return;
    }
    const summary = new ErrorSummary();
    const password = field('Create a password', input({ type: 'password', id: 'new-password', autocomplete: 'new-password' }), {
      hint: 'At least 12 characters. A few unrelated words work well. Do not use a password you use elsewhere.',
    });
    const confirm = field('Type the password again', input({ type: 'password', id: 'confirm-password', autocomplete: 'new-password' }));
    const fields = [password, confirm] as Field<HTMLInputElement>[];
    const submit = el('button', { type: 'submit', class: 'govuk-button' }, 'Continue');
    const form = el('form', { novalidate: true, class: 'ca-narrow', id: 'invite-accept' }, password.group, confirm.group, submit);
    this.main.replaceChildren(
      summary.node,
      h1,
      welcome,
      el('p', { class: 'govuk-body' }, 'Choose a password, then set up an authenticator app on your phone. The link works only once.'),
      form,
    );
    if (invite.singleSignOn) this.main.append(el('p', { class: 'govuk-body' }, 'Or ', el('a', { href: invite.singleSignOn.startUrl }, invite.singleSignOn.label.replace(/^Sign/, 'sign')), '.'));
    announcePage('Set up your console account', h1, false);
    password.control.focus();
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const errors: { message: string; field: Field<HTMLInputElement> }[] = [];
      if (!password.control.value) errors.push({ message: 'Enter a password', field: password });
      else if (confirm.control.value !== password.control.value) errors.push({ message: 'The passwords do not match', field: confirm });
      if (errors.length) return summary.show(errors, fields);
      if (submit.getAttribute('aria-disabled') === 'true') return;
      submit.setAttribute('aria-disabled', 'true');
      try {
        const result = await this.staff.acceptInvite(token, password.control.value);
        if (result.stage === 'enrol') await this.signIn.enrol();
        else this.signIn.challenge();
      } catch (err) {
        submit.removeAttribute('aria-disabled');
        if (err instanceof ApiError && err.status === 410) return void (await this.invitation(token));
        summary.show([{ message: err instanceof ApiError && err.status === 400 ? err.message : 'Sorry, there is a problem with the service. Try again later.', field: password }], fields);
      }
    });
  }
}
