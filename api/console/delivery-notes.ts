/**
 * Why an outbound message has not reached the resident, for the console's transcript: the reason
 * each channel recorded on the message's parts when it refused, held or failed it — the outbox's
 * `delivery.error` (a Graph or Send API error, Messenger's window refusal), WhatsApp's
 * `whatsapp.held.why` (outside the 24-hour window) and `whatsapp.errors` (a failed status
 * webhook), Twilio's `sms.error` — or, without one, what its status means.
 */
import type { ConsoleMessage } from '../../wire/index.js';
import type { UndeliveredStatus } from '../../store/index.js';

type Delivery = NonNullable<ConsoleMessage['delivery']>;

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

function partsObject(parts: unknown): Record<string, unknown> {
  if (typeof parts !== 'string') return obj(parts);
  try {
    return obj(JSON.parse(parts));
  } catch {
    return {};
  }
}

/** A failed WhatsApp status webhook's first error: "Message undeliverable (131026): Unable to deliver message." */
function whatsappStatusError(whatsapp: Record<string, unknown>): string | undefined {
  const first = Array.isArray(whatsapp.errors) ? obj(whatsapp.errors[0]) : {};
  const title = str(first.title);
  if (!title) return undefined;
  const code = typeof first.code === 'number' ? ` (${first.code})` : '';
  const details = str(first.details);
  return `WhatsApp reported it failed: ${title}${code}${details ? `: ${details}` : ''}`;
}

export function deliveryNote(status: UndeliveredStatus, parts: unknown): Delivery {
  const p = partsObject(parts);
  const whatsapp = obj(p.whatsapp);
  const recorded = str(obj(p.delivery).error) ?? whatsappStatusError(whatsapp) ?? str(obj(p.sms).error);
  // The reason is shown after "Not sent": a reason that says so itself is not said twice.
  const reason = (text: string | undefined, otherwise: string) => (text ?? otherwise).replace(/^not sent:\s*/i, '');
  switch (status) {
    case 'awaiting_window':
      return { status: 'held', reason: reason(str(obj(whatsapp.held).why), 'the messaging window has closed') };
    case 'suppressed_opt_out':
      return { status: 'suppressed', reason: 'the resident sent STOP' };
    case 'send_retry':
      return { status: 'retrying', reason: reason(recorded, 'the channel did not accept it yet') };
    default:
      return { status: 'failed', reason: reason(recorded, 'the channel refused it') };
  }
}
