/**
 * Round 20 (set T, dev-21): K3 (segments of a longer message scored apart; a let-through message asked when one part would
 * escalate), the general shapes behind dev-21's misses and false alarms (CO symptoms with pets and relief outdoors, a child left
 * in a car, stepping off an edge, "every time I ring" hyperbole, gas fixed by the emergency service, nothing burning now, a partner
 * leaving over a tenancy, someone said to be fine), and the kinds (danger now first for a welfare check, a person in the water or
 * someone vulnerable gone out into the cold; a note written; an older person hurt by a partner; a young person's age in words).
 */
import type { IntentPrediction } from '../types.js';
import { decideSafety, inferKind, screenForSafety } from './index.js';
import { everydayContext, SAFETY_MODEL_THRESHOLDS, serviceHyperbole } from './decision.js';
import { messageSegments, type SafetyScore } from './model.js';

const none: IntentPrediction = { ranked: [{ intent: 'waste.bulky_collection', confidence: 0.8 }], outOfScope: false };
const scored = (whole: number, parts: [string, number][] = []): SafetyScore => ({
  score: whole, category: 'safety.safeguarding_concern', known: 1, readable: 1,
  ...(parts.length ? { segments: parts.map(([text, score]) => ({ text, score, category: 'safety.safeguarding_concern' as const, known: 1, readable: 1 })) } : {}),
});

describe('K3: segments of a longer message', () => {
  it('splits on sentence ends and new-topic openers, only into 2+ parts of 5+ words', () => {
    expect(messageSegments('Please can I book a bulky collection for a mattress. Also, the couple upstairs keep leaving their baby in the car.')).toHaveLength(2);
    expect(messageSegments('I need a new bin please, by the way the crew left the lid open again')).toEqual(['I need a new bin please,', 'by the way the crew left the lid open again']);
    expect(messageSegments('I also need a new recycling box for the flat')).toEqual([]);
    expect(messageSegments('Hi. Bins.')).toEqual([]);
  });
  const text = 'Please can I book a bulky collection for a mattress. Also, the couple upstairs keep leaving their kids alone at night.';
  const [a, b] = messageSegments(text);
  it('asks (never escalates) when the whole is let through and one part would escalate', () => {
    const d = decideSafety(null, none, text, scored(0.01, [[a, 0.02], [b, 0.85]]));
    expect(d?.action).toBe('ask');
    expect(decideSafety(null, none, text, scored(0.01, [[a, 0.02], [b, 0.85]]), { ...SAFETY_MODEL_THRESHOLDS, segmentAsk: false })).toBeNull();
  });
  it('does not ask when no part reaches the bar, or the part names no harm, danger or vulnerable person', () => {
    expect(decideSafety(null, none, text, scored(0.01, [[a, 0.02], [b, 0.4]]))).toBeNull();
    const t2 = 'I need a resident parking permit for zone B. I have just bought a second car.';
    const [c, e] = messageSegments(t2);
    expect(decideSafety(null, none, t2, scored(0.04, [[c, 0.01], [e, 0.76]]))).toBeNull();
  });
});

describe('round 20: general shapes', () => {
  const action = (text: string, whole: number) => decideSafety(screenForSafety(text), none, text, scored(whole))?.action ?? null;
  it('CO: symptoms with a gas appliance, pets dying and relief outdoors; a broken boiler with a headache is not', () => {
    expect(screenForSafety('since they fitted the new gas fire I get a thumping headache every evening that goes when I go out, my husband has been passing out and our budgie died yesterday')?.kind).toBe('fire_gas_co');
    expect(screenForSafety('the boiler is broken again and no hot water, I have a headache from the stress and feel sick of ringing')).toBeNull();
  });
  it('a child left in a car; a car seat left in the car is not', () => {
    expect(screenForSafety('the couple upstairs keep leaving their baby in the car outside the pub for hours')?.kind).toBe('child_at_risk');
    expect(screenForSafety('can I leave the baby seat in the car when it goes for its MOT')).toBeNull();
  });
  it('stepping off an edge; stepping off the bus is not', () => {
    expect(screenForSafety('I keep thinking about just stepping off, I got closer to the edge than before')?.kind).toBe('suicide_self_harm');
    expect(screenForSafety('I was thinking about stepping off the bus a stop early to walk')).toBeNull();
  });
  it('"every time I ring" a service I want to jump off a cliff is hyperbole; wanting to jump tonight is not', () => {
    expect(serviceHyperbole('every time I ring your switchboard I want to jump off a cliff, forty five minutes on hold again')).toBe(true);
    expect(action('every time I ring your switchboard I want to jump off a cliff, forty five minutes on hold again', 0.0)).not.toBe('escalate');
    expect(action('I want to jump off a cliff tonight, I have had enough', 0.0)).toBe('escalate');
  });
  it('gas already fixed by the emergency service is asked, not escalated; a smell still there with headaches escalates', () => {
    expect(action("there was a smell of gas by the meter, I rang the gas emergency number and they've been and fixed it, do I need to tell you anything?", 0.02)).toBe('ask');
    expect(action("the engineers came and fixed it but I can still smell gas and I've got a headache", 0.02)).toBe('escalate');
  });
  it('a case asked after by its reference is a service question', () => {
    expect(decideSafety(null, none, 'what about MBC-400123 now?', scored(0.21))).toBeNull();
  });
  it('fires set again and again with nothing burning now are not escalated; a bin burning now is', () => {
    expect(action("Teenagers keep setting fire to the bins in the park at night. Nothing's burning now but it happens every weekend.", 0.0)).not.toBe('escalate');
    expect(action('Teenagers have set fire to the bins by the flats and it is spreading to the fence', 0.0)).toBe('escalate');
  });
  it('a partner leaving over a tenancy is a housing question; a partner who hurts you is not', () => {
    expect(everydayContext("partner's leaving me and the tenancy's in his name, will i lose the flat?")).toBe('drop');
    expect(everydayContext("partner's leaving me and says he'll hurt me if I keep the flat")).not.toBe('drop');
  });
  it('meals on wheels for someone said to be fine is a care question; someone not eating and unwell is not', () => {
    expect(everydayContext('neighbour asked if she can get meals on wheels, shes 91 and fine just doesnt cook anymore')).toBe('drop');
    expect(everydayContext('my neighbour is 91 and has not eaten in days, she is confused and will not let anyone in')).not.toBe('drop');
    expect(everydayContext("the old chap at 3 hasnt been out in weeks, house stinks, he shouts through the door hes fine but hes not")).not.toBe('drop');
  });
});

describe('round 20: kinds', () => {
  const R = 'safety.risk_to_life';
  const S = 'safety.safeguarding_concern';
  it('a welfare check (unseen for days, a smell at the letterbox) is danger now, before her age', () => {
    expect(inferKind("my neighbour's curtains have been shut since last Tuesday the milk's still on the step and there's a smell coming from the letterbox and she's 87", R)).toBe('danger_now');
  });
  it('a person in the water is danger now, not despair; someone vulnerable gone out into the cold is danger now', () => {
    expect(inferKind("there's a lad in the river by the weir he went in after his dog and he's not come back up", R)).toBe('danger_now');
    expect(inferKind("my mum has dementia and she's walked out in her nightie, it's minus 3 and dark", R)).toBe('danger_now');
    expect(inferKind('my mum has dementia and keeps forgetting to eat, can she get help', S)).toBe('adult_at_risk');
  });
  it('a note written or things not needed after a day is suicide', () => {
    expect(inferKind("How do I make sure my dog gets rehomed if something happens to me? I've written the note already", R)).toBe('suicide_self_harm');
    expect(inferKind("cancel my garden waste and library card, I won't be needing any of it after Friday", R)).toBe('suicide_self_harm');
  });
  it('an older person hurt by a partner is domestic abuse; by a son, an adult at risk', () => {
    expect(inferKind("my husband still takes my pension from my purse and shoves me when I ask for it. I'm 71.", S)).toBe('domestic_abuse');
    expect(inferKind("my son takes my pension from my purse and shoves me when I ask for it. I'm 71.", S)).toBe('adult_at_risk');
  });
  it("exploitation of a young person of sixteen or from a children's home is a child at risk", () => {
    expect(inferKind("one of our lads, he's sixteen, a man's letting him use his flat if he carries packages for him", S)).toBe('child_at_risk');
    expect(inferKind("taking the same young girls from the children's home to a flat late at night, different men every time", S)).toBe('child_at_risk');
  });
});
