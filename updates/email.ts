/**
 * E-mail updates through GOV.UK Notify: the council's Notify key (NOTIFY_API_KEY) with a template
 * of their own for updates (NOTIFY_UPDATES_EMAIL_TEMPLATE_ID, whose ((reference)), ((status)),
 * ((message)) and ((council)) are filled). Without both, e-mail is not offered to residents.
 */
import { loadNotifyConfig, NotifySender, type ReferralSender } from '../notify/index.js';

export const UPDATES_TEMPLATE_VARIABLE = 'NOTIFY_UPDATES_EMAIL_TEMPLATE_ID';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class UpdatesConfigError extends Error {}

/** The Notify sender for updates, or null when e-mail updates are not configured. A malformed template id stops the start. */
export function updateEmailSender(env: Record<string, string | undefined>): ReferralSender | null {
  const templateId = env[UPDATES_TEMPLATE_VARIABLE]?.trim();
  if (!templateId) return null;
  if (!UUID.test(templateId)) throw new UpdatesConfigError(`${UPDATES_TEMPLATE_VARIABLE} must be the template id (a UUID) from Notify (got "${templateId}")`);
  const notify = loadNotifyConfig(env);
  if (!notify.apiKey) return null;
  return new NotifySender({ ...notify, apiKey: notify.apiKey, emailTemplateId: templateId });
}
