/**
 * The pipeline's safety rule in one place (the policy and `eval:safety` both call it): escalate
 * when the screen fires or the classifier's top intent is a confident safety one; ask once
 * "Is anyone in danger right now?" when the classifier is unsure and the screen is silent.
 */
import type { IntentPrediction, RiskKind, SafetyDecision, SafetyHit } from '../types.js';

/** The classifier escalates on its own at or above this confidence for a top safety intent. */
export const SAFETY_CLASSIFIER_THRESHOLD = 0.5;
/** Between this and the threshold (top intent safety, no screen hit) the assistant asks instead. */
export const SAFETY_ASK_THRESHOLD = 0.3;

/** The classifier's part of the escalation: its top intent is a safety one, this confident. */
export function topSafety(p: IntentPrediction): SafetyHit['category'] | null {
  const top = p.ranked[0];
  if (!p.outOfScope && top && top.intent.startsWith('safety.') && top.confidence >= SAFETY_CLASSIFIER_THRESHOLD) {
    return top.intent as SafetyHit['category'];
  }
  return null;
}

/** A kind for a classifier-only decision: the catalogue intent says little, so default by intent. */
function defaultKind(category: SafetyHit['category']): RiskKind {
  return category === 'safety.risk_to_life' ? 'danger_now' : 'adult_at_risk';
}

export function decideSafety(hit: SafetyHit | null, prediction: IntentPrediction, _text: string): SafetyDecision {
  const classifier = topSafety(prediction);
  if (hit) return { action: 'escalate', category: hit.category, kind: hit.kind, source: classifier ? 'both' : 'screen', reason: hit.reason };
  if (classifier) return { action: 'escalate', category: classifier, kind: defaultKind(classifier), source: 'classifier', reason: 'classifier' };
  const top = prediction.ranked[0];
  if (!prediction.outOfScope && top && top.intent.startsWith('safety.') && top.confidence >= SAFETY_ASK_THRESHOLD) {
    const category = top.intent as SafetyHit['category'];
    return { action: 'ask', category, kind: defaultKind(category), reason: 'classifier unsure' };
  }
  return null;
}
