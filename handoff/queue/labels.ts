/**
 * What the console shows an agent for what the assistant recognised: plain words and the
 * council's own service names, never internal ids ("safety.risk_to_life", "meta.speak_to_person").
 * The server labels; the browser only displays.
 */
import { RISK_KIND_LABELS, type RiskKind } from '../../intents/index.js';
import type { SafetyFlag } from '../../store/index.js';

/** The catalogue's name for a service id, when the council's pack has it. */
export type ServiceNames = (id: string) => string | undefined;


const SAFETY_CATEGORY_LABELS: Record<string, string> = {
  'safety.risk_to_life': 'Risk to life',
  'safety.safeguarding_concern': 'Safeguarding',
};

/** The catalogue's meta intents and the out-of-scope label, in words. */
const INTENT_WORDS: Record<string, string> = {
  'meta.speak_to_person': 'Asked for a person',
  'meta.greeting': 'Greeting',
  'meta.thanks_goodbye': 'Thanks or goodbye',
  'meta.complaint_about_bot': 'Complaint about the assistant',
  out_of_scope: 'Not a council matter',
  oos: 'Not a council matter',
  'safety.risk_to_life': 'Risk to life',
  'safety.safeguarding_concern': 'Safeguarding concern',
};

/** Handoff reasons other than a service or a safety category. */
const REASON_WORDS: Record<string, string> = {
  resident_request: 'Asked for a person',
  misunderstood: 'The assistant did not understand',
};

export interface SafetyLabel {
  category: string;
  kind: string | null;
  /** "Risk to life: suicide or self-harm". */
  label: string;
}

/** "Risk to life: suicide or self-harm"; "Safeguarding: a child at risk"; the category alone without a kind. */
export function safetyLabel(category: string, kind?: string | null): string {
  const head = SAFETY_CATEGORY_LABELS[category] ?? 'Safety concern';
  const tail = kind ? RISK_KIND_LABELS[kind as RiskKind] : undefined;
  return tail ? `${head}: ${tail}` : head;
}

export function labelledFlag(flag: Pick<SafetyFlag, 'category' | 'kind'> | null): SafetyLabel | null {
  return flag ? { category: flag.category, kind: flag.kind, label: safetyLabel(flag.category, flag.kind) } : null;
}

/** An intent id as a person would say it: the service's catalogue name, or plain words for meta intents. */
export function intentLabel(id: string, serviceName: ServiceNames = () => undefined): string {
  if (INTENT_WORDS[id]) return INTENT_WORDS[id];
  if (id.startsWith('meta.')) return 'Talking to the assistant';
  return serviceName(id) ?? wordsOf(id);
}

/** A handoff's reason: "Asked for a person", the service's name, or the safety category. */
export function reasonLabel(reason: string, serviceName: ServiceNames = () => undefined): string {
  if (REASON_WORDS[reason]) return REASON_WORDS[reason];
  if (reason.startsWith('safety.')) return safetyLabel(reason);
  if (reason.startsWith('service.')) return intentLabel(reason.slice('service.'.length), serviceName);
  return intentLabel(reason, serviceName);
}

/** Last resort for an id the catalogue does not name: its last part in words ("missed collection"). */
function wordsOf(id: string): string {
  const tail = id.split('.').pop() ?? id;
  const t = tail.replace(/_/g, ' ').trim();
  return t ? t.charAt(0).toUpperCase() + t.slice(1) : 'Something else';
}
