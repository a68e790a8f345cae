/** Contracts of the understanding layer. Implementations live beside this file. */

export interface TrainingExample {
  text: string;
  /** A catalogue id; `out_of_scope` (or `oos`) marks out-of-scope examples. */
  intent: string;
}

export interface IntentScore {
  intent: string;
  /** Calibrated: roughly the probability that this intent is right. 0..1. */
  confidence: number;
}

export interface IntentPrediction {
  /** Ranked best first; never includes the out-of-scope label. */
  ranked: IntentScore[];
  /** True when the text is out of scope (trained `out_of_scope` won, or unlike every intent). */
  outOfScope: boolean;
}

export interface IntentModel {
  predict(text: string): IntentPrediction;
  /** Labels this model knows (without the out-of-scope label). */
  readonly intents: string[];
}

export type EntityType =
  | 'postcode'
  | 'uprn'
  | 'phone'
  | 'email'
  | 'date'
  | 'case_reference'
  | 'house_number'
  | 'street'
  | 'address'
  | 'bin_type';

export interface Entity {
  type: EntityType;
  /** Normalised value: "MB1 2AB", "+447700900123", "2026-11-17", a UPRN, a street name, "recycling". */
  value: string;
  /** The text as the resident wrote it. */
  text: string;
  start: number;
  end: number;
  /** 0..1, for fuzzy matches (street names with spelling slips). */
  confidence: number;
  /** Extra detail: for dates { time?: "morning" | "HH:MM" }, for addresses { uprn, usrn }... */
  detail?: Record<string, string | number | undefined>;
}

export interface GazetteerAddress {
  uprn: string;
  usrn: string;
  /** "12", "12A", "Flat 3, 14" */
  number: string;
  /** Building name where there is one ("Rose Cottage"). */
  buildingName?: string;
  street: string;
  locality?: string;
  town: string;
  postcode: string;
  lat: number;
  lng: number;
  /** Day of the week of the general-waste collection, "Monday".."Friday". */
  binDay: string;
  /** "A" or "B": alternate-week rota (recycling on week A, garden on week B...). */
  binWeek: string;
}

/**
 * The kind of risk a safety disclosure is about: it chooses the signposting (which service is
 * named first) and the agent-facing label. Finer than the two catalogue safety intents.
 */
export type RiskKind =
  | 'suicide_self_harm'
  | 'danger_now'
  | 'fire_gas_co'
  | 'crime_violence'
  | 'domestic_abuse'
  | 'child_at_risk'
  | 'adult_at_risk';

export const RISK_KINDS: readonly RiskKind[] = [
  'suicide_self_harm',
  'danger_now',
  'fire_gas_co',
  'crime_violence',
  'domestic_abuse',
  'child_at_risk',
  'adult_at_risk',
];

/** Kinds of risk in words a person understands (agents' console, handoff summaries). */
export const RISK_KIND_LABELS: Readonly<Record<RiskKind, string>> = {
  suicide_self_harm: 'suicide or self-harm',
  danger_now: 'someone injured or in danger now',
  fire_gas_co: 'fire, gas or carbon monoxide',
  crime_violence: 'crime or violence in progress',
  domestic_abuse: 'domestic abuse',
  child_at_risk: 'a child at risk',
  adult_at_risk: 'an adult at risk',
};

export interface SafetyHit {
  /** `safety.risk_to_life` or `safety.safeguarding_concern` (or `housing.homeless_tonight`). */
  category: 'safety.risk_to_life' | 'safety.safeguarding_concern';
  /** Which kind of risk, for signposting. */
  kind: RiskKind;
  /** Short human reason: "mentions suicide", "child at risk"... */
  reason: string;
  matched: string;
}

/**
 * What the pipeline does about safety for one message (intents/safety/decision.ts decides):
 * escalate (screen hit or a confident safety intent), ask once "Is anyone in danger right now?"
 * (the classifier is unsure and the screen is silent), or nothing.
 */
export type SafetyDecision =
  | { action: 'escalate'; category: SafetyHit['category']; kind: RiskKind; source: 'screen' | 'classifier' | 'both'; reason: string }
  | {
      action: 'ask';
      category: SafetyHit['category'];
      kind: RiskKind;
      reason: string;
      /** The assistant cannot read the message (a script it does not read, or words it has never seen): the question says so. */
      unreadable?: true;
    }
  | null;
