import type { AskFor } from './types.js';

/**
 * Shapes the input for the answer a flow step expects (mobile keyboards, autofill).
 * Typing stays free-form throughout: "yesterday" is a date, and the phone step also takes an email.
 */
export function applyAskFor(input: HTMLInputElement, askFor: AskFor | undefined): void {
  input.type = askFor === 'email' ? 'email' : 'text';
  input.removeAttribute('inputmode');
  input.removeAttribute('autocapitalize');
  input.autocomplete = 'off';
  switch (askFor) {
    case 'email':
      input.autocomplete = 'email';
      break;
    case 'phone':
      // Not inputmode="tel": the bot's phone step accepts "a mobile number or email address".
      input.autocomplete = 'tel';
      break;
    case 'postcode':
    case 'address':
      input.setAttribute('autocapitalize', 'characters');
      break;
  }
}
