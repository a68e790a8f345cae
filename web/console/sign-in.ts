import { ApiError, type ConsoleApi } from './api.js';
import type { Agent } from './types.js';
import { announcePage, el, ErrorSummary, field, input, type Field } from './ui.js';

type AnyField = Field<HTMLInputElement>;

/** The sign-in journey: password, then enrolment (first time) or the second-factor challenge. */
export class SignIn {
  /** Called once the password page is drawn (staff-sign-in.ts adds single sign-on to it). */
  decoratePasswordPage: ((form: HTMLFormElement) => void) | null = null;

  constructor(
    private readonly main: HTMLElement,
    private readonly api: ConsoleApi,
    private readonly tenant: string | undefined,
    private readonly done: (agent: Agent) => void,
  ) {}

  /** Step 1: e-mail and password. `notice` explains why we are here (signed out, session expired). */
  password(notice?: string): void {
    const summary = new ErrorSummary();
    const email = field('Email address', input({ type: 'email', name: 'email', autocomplete: 'username', spellcheck: 'false', id: 'email' }));
    const password = field('Password', input({ type: 'password', name: 'password', autocomplete: 'current-password', id: 'password' }));
    const submit = el('button', { type: 'submit', class: 'govuk-button', 'data-module': 'govuk-button' }, 'Sign in');
    const form = el('form', { novalidate: true, class: 'ca-narrow' }, email.group, password.group, submit);
    const h1 = el('h1', { class: 'govuk-heading-l' }, 'Sign in to the agent console');
    this.render(
      summary.node,
      notice ? el('div', { class: 'govuk-inset-text', role: 'status' }, notice) : null,
      h1,
      el('p', { class: 'govuk-body' }, 'Use your council email address and password. You will then need the code from your authenticator app.'),
      form,
    );
    announcePage('Sign in', h1, false);
    email.control.focus();
    this.decoratePasswordPage?.(form);
    const fields = [email, password];
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const errors: { message: string; field: AnyField }[] = [];
      if (!email.control.value.trim()) errors.push({ message: 'Enter your email address', field: email });
      else if (!/^[^\s@]+@[^\s@]+$/.test(email.control.value.trim())) errors.push({ message: 'Enter an email address in the correct format, like name@council.gov.uk', field: email });
      if (!password.control.value) errors.push({ message: 'Enter your password', field: password });
      if (errors.length) return summary.show(errors, fields);
      await busy(submit, async () => {
        try {
          const result = await this.api.login(email.control.value.trim(), password.control.value, this.tenant);
          if (result.stage === 'enrol') await this.enrol();
          else this.challenge();
        } catch (err) {
          password.control.value = '';
          summary.show([{ message: loginError(err), field: err instanceof ApiError && err.status === 423 ? undefined : email }], fields);
        }
      });
    });
  }

  /** First sign-in: set up the authenticator app. */
  async enrol(): Promise<void> {
    const summary = new ErrorSummary();
    const h1 = el('h1', { class: 'govuk-heading-l' }, 'Set up your authenticator app');
    this.render(summary.node, h1, el('p', { class: 'govuk-body', role: 'status' }, 'Loading…'));
    let setup;
    try {
      setup = await this.api.enrolment();
    } catch (err) {
      return this.password(`We could not start setting up your authenticator app: ${messageOf(err)} Sign in again.`);
    }
    const code = field('Code from the app', input({ id: 'enrol-code', name: 'code', inputmode: 'numeric', autocomplete: 'one-time-code', spellcheck: 'false', class: 'govuk-input govuk-input--width-10', pattern: '[0-9]*' }), {
      hint: 'The 6-digit code your authenticator app shows for this account',
    });
    const submit = el('button', { type: 'submit', class: 'govuk-button' }, 'Continue');
    const form = el('form', { novalidate: true }, code.group, submit);
    this.render(
      summary.node,
      h1,
      el('p', { class: 'govuk-body' }, 'Staff accounts need a second check at sign-in. You only do this once.'),
      el(
        'ol',
        { class: 'govuk-list govuk-list--number' },
        el('li', {}, 'Open an authenticator app on your phone, such as Microsoft Authenticator or Google Authenticator.'),
        el('li', {}, 'Scan the QR code, or enter the setup key by hand.'),
        el('li', {}, 'Enter the code the app shows.'),
      ),
      el('img', { class: 'ca-qr', src: setup.qrDataUrl, alt: 'QR code to add this account to your authenticator app. If you cannot scan it, use the setup key below.' }),
      el(
        'div',
        { class: 'govuk-inset-text' },
        el('p', { class: 'govuk-body govuk-!-margin-bottom-1' }, 'Setup key (if you cannot scan the code):'),
        el('p', { class: 'govuk-body ca-secret', id: 'totp-secret', 'data-secret': setup.secret }, groupSecret(setup.secret)),
      ),
      form,
    );
    announcePage('Set up your authenticator app', h1);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const value = code.control.value.replace(/\s+/g, '');
      if (!/^\d{6}$/.test(value)) return summary.show([{ message: value ? 'Enter the code as 6 digits' : 'Enter the code from your authenticator app', field: code }], [code]);
      await busy(submit, async () => {
        try {
          const result = await this.api.confirmEnrolment(value);
          this.recoveryCodes(result.recoveryCodes, result.agent);
        } catch (err) {
          code.control.value = '';
          summary.show([{ message: codeError(err), field: code }], [code]);
        }
      });
    });
  }

  /** Shown once, straight after enrolment; the agent must confirm they kept them. */
  private recoveryCodes(codes: string[], agent: Agent): void {
    const summary = new ErrorSummary();
    const h1 = el('h1', { class: 'govuk-heading-l' }, 'Save your recovery codes');
    const checkbox = el('input', { class: 'govuk-checkboxes__input', id: 'saved-codes', name: 'saved', type: 'checkbox' });
    const confirm: Field<HTMLInputElement> = {
      group: el('div', { class: 'govuk-form-group' }),
      control: checkbox,
      error: el('p', { id: 'saved-codes-error', class: 'govuk-error-message' }),
      label: 'I have saved these',
      setError(message) {
        this.group.classList.toggle('govuk-form-group--error', !!message);
        this.error.replaceChildren(...(message ? [el('span', { class: 'govuk-visually-hidden' }, 'Error: '), message] : []));
        this.error.hidden = !message;
        if (message) checkbox.setAttribute('aria-describedby', this.error.id);
        else checkbox.removeAttribute('aria-describedby');
      },
    };
    confirm.error.hidden = true;
    confirm.group.append(
      confirm.error,
      el('div', { class: 'govuk-checkboxes__item' }, checkbox, el('label', { class: 'govuk-label govuk-checkboxes__label', for: 'saved-codes' }, 'I have saved these recovery codes somewhere safe')),
    );
    const submit = el('button', { type: 'submit', class: 'govuk-button' }, 'Continue to the console');
    const form = el('form', { novalidate: true }, confirm.group, submit);
    this.render(
      summary.node,
      h1,
      el(
        'div',
        { class: 'govuk-warning-text' },
        el('span', { class: 'govuk-warning-text__icon', 'aria-hidden': 'true' }, '!'),
        el('strong', { class: 'govuk-warning-text__text' }, el('span', { class: 'govuk-visually-hidden' }, 'Warning '), 'You will not see these codes again.'),
      ),
      el('p', { class: 'govuk-body' }, 'If you lose your phone, each code lets you sign in once instead of a code from the app. Print them or keep them in your password manager.'),
      el('ul', { class: 'govuk-list ca-codes', id: 'recovery-codes', 'aria-label': 'Recovery codes' }, ...codes.map((c) => el('li', {}, el('code', {}, c)))),
      form,
    );
    announcePage('Save your recovery codes', h1);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (!checkbox.checked) return summary.show([{ message: 'Confirm that you have saved your recovery codes', field: confirm }], [confirm]);
      this.done(agent);
    });
  }

  /** Returning agents: a code from the app, or one of their recovery codes. */
  challenge(useRecovery = false): void {
    const summary = new ErrorSummary();
    const h1 = el('h1', { class: 'govuk-heading-l' }, useRecovery ? 'Enter a recovery code' : 'Enter the code from your authenticator app');
    const code = useRecovery
      ? field('Recovery code', input({ id: 'recovery-code', name: 'recoveryCode', autocomplete: 'off', spellcheck: 'false', class: 'govuk-input govuk-input--width-20' }), {
          hint: 'One of the codes you saved when you set up your account. Each works once.',
        })
      : field('Code', input({ id: 'totp-code', name: 'code', inputmode: 'numeric', autocomplete: 'one-time-code', spellcheck: 'false', class: 'govuk-input govuk-input--width-10', pattern: '[0-9]*' }), {
          hint: 'The 6-digit code your authenticator app shows for this account',
        });
    const submit = el('button', { type: 'submit', class: 'govuk-button' }, 'Continue');
    const other = el('button', { type: 'button', class: 'ca-link-button' }, useRecovery ? 'Use a code from your authenticator app instead' : 'Use a recovery code instead');
    other.addEventListener('click', () => this.challenge(!useRecovery));
    const form = el('form', { novalidate: true }, code.group, submit);
    this.render(summary.node, h1, form, el('p', { class: 'govuk-body' }, other));
    announcePage(h1.textContent ?? 'Sign in', h1, false);
    code.control.focus();
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const value = useRecovery ? code.control.value.trim() : code.control.value.replace(/\s+/g, '');
      if (!value) return summary.show([{ message: useRecovery ? 'Enter a recovery code' : 'Enter the code from your authenticator app', field: code }], [code]);
      if (!useRecovery && !/^\d{6}$/.test(value)) return summary.show([{ message: 'Enter the code as 6 digits', field: code }], [code]);
      await busy(submit, async () => {
        try {
          const result = await this.api.verifyTotp(useRecovery ? { recoveryCode: value } : { code: value });
          this.done(result.agent);
        } catch (err) {
          code.control.value = '';
          if (err instanceof ApiError && err.status === 401 && /session|sign in/i.test(err.message) && !/code/i.test(err.message)) {
            return this.password('Your sign-in timed out. Sign in again.');
          }
          summary.show([{ message: codeError(err), field: code }], [code]);
        }
      });
    });
  }

  private render(...children: (Node | null)[]): void {
    this.main.replaceChildren(...children.filter((c): c is Node => c !== null));
  }
}

async function busy(submit: HTMLButtonElement, work: () => Promise<void>): Promise<void> {
  if (submit.getAttribute('aria-disabled') === 'true') return;
  submit.setAttribute('aria-disabled', 'true');
  try {
    await work();
  } finally {
    submit.removeAttribute('aria-disabled');
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : 'Something went wrong.';
}

function loginError(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 423 || /lock/i.test(err.message)) return 'Your account is locked after too many attempts. Try again in 15 minutes.';
    if (err.status === 401 || err.status === 400) return 'Enter a correct email address and password';
    if (err.status === 429) return 'Too many attempts. Wait a few minutes and try again.';
    if (err.status === 0) return err.message;
  }
  return 'Sorry, there is a problem with the service. Try again later.';
}

function codeError(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 423 || /lock/i.test(err.message)) return 'Your account is locked after too many attempts. Try again in 15 minutes.';
    if (err.status === 401 || err.status === 400) return 'The code is not correct or has expired. Enter the current code.';
    if (err.status === 0) return err.message;
  }
  return 'Sorry, there is a problem with the service. Try again later.';
}

/** "JBSW Y3DP EHPK 3PXP": easier to copy by hand; apps ignore the spaces. */
function groupSecret(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}
