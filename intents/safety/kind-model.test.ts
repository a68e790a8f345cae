/**
 * Issue 8, the kind model (kind-model.ts): deterministic, shipped like the safety model (a loaded file predicts as training does),
 * combined with the cues at one place (`chooseKind`: the model where cues are absent, the cues where they are sure, a 999 kind left
 * only on strong evidence), absent without labelled disclosures (the cues decide alone), never changing a decision's action, and
 * right on paraphrases written for this test (not copied from the development items).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContentPack } from '../../bot/content-pack/index.js';
import { canonicalExamples, loadOrTrainModel, modelFileName, serializeModel, SHIPPED_MODELS_DIR, trainingHash, trainIntentModel } from '../recogniser/index.js';
import { RISK_KINDS, type IntentPrediction, type RiskKind } from '../types.js';
import { decideSafety, explainSafety, inferKind } from './index.js';
import { asKindModel, enoughForKindModel, kindExamples, KIND_MODEL_MIN_PER_KIND, loadOrTrainKindModel, trainKindModel, type KindProbabilities } from './kind-model.js';
import { chooseKind, cuedKinds, KIND_MODEL_RULE } from './kinds.js';
import { loadOrTrainSafetyModel, loadSafetyData, type SafetyModel, type SafetyScore } from './model.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const NO_PREDICTION: IntentPrediction = { ranked: [], outOfScope: true };
/** Probabilities with `p` on one kind and the rest shared by the others. */
const probs = (kind: RiskKind, p: number): KindProbabilities =>
  Object.fromEntries(RISK_KINDS.map((k) => [k, k === kind ? p : (1 - p) / (RISK_KINDS.length - 1)])) as KindProbabilities;

describe('kind model: training data and determinism', () => {
  const data = loadSafetyData();
  it('trains on the labelled disclosures only, and only with enough of every kind', () => {
    const examples = kindExamples(data);
    expect(examples.length).toBe(data.filter((d) => d.kind).length);
    expect(new Set(examples.map((e) => e.intent))).toEqual(new Set(RISK_KINDS));
    expect(enoughForKindModel(examples)).toBe(true);
    expect(enoughForKindModel(examples.filter((e) => e.intent !== 'fire_gas_co'))).toBe(false);
    expect(kindExamples([{ text: 'there is a fire', kind: 'not_a_kind' }, { text: 'bins', label: 'none' } as { text: string }])).toEqual([]);
  });

  it('is deterministic: the same examples (in any order) give the same model and the same probabilities', async () => {
    // A sample of every kind (KIND_MODEL_MIN_PER_KIND+ each), to keep the test quick.
    const sample = kindExamples(data).filter((_, i) => i % 6 === 0);
    expect(enoughForKindModel(sample)).toBe(true);
    const a = await trainIntentModel(canonicalExamples(sample));
    const b = await trainIntentModel(canonicalExamples([...sample].reverse()));
    expect(serializeModel(a).equals(serializeModel(b))).toBe(true);
    const text = 'my neighbour keeps leaving her toddler alone in the flat all night';
    expect(asKindModel(a).kinds(text)).toEqual(asKindModel(b).kinds(text));
    const p = asKindModel(a).kinds(text)!;
    expect(Object.values(p).reduce((x, y) => x + y, 0)).toBeCloseTo(1, 6);
    expect(asKindModel(a).kinds('zzqx vvkp')).toBeNull();
  }, 120_000);

  it('is absent with too few labelled disclosures of any kind', async () => {
    // Every kind at the floor but one, one short of it: fixed counts, so the development data's growth cannot move the test
    // (a one-in-a-hundred sample reached the floor as the data grew).
    const short = RISK_KINDS[0];
    const seen = new Map<string, number>();
    const few = kindExamples(data).filter((e) => {
      const n = seen.get(e.intent) ?? 0;
      seen.set(e.intent, n + 1);
      return n < KIND_MODEL_MIN_PER_KIND - (e.intent === short ? 1 : 0);
    });
    expect(few).toHaveLength(KIND_MODEL_MIN_PER_KIND * RISK_KINDS.length - 1);
    expect(enoughForKindModel(few)).toBe(false);
    expect(enoughForKindModel([...few, { text: 'one more', intent: short }])).toBe(true);
    expect(await trainKindModel(few)).toBeNull();
    expect((await loadOrTrainKindModel([], os.tmpdir())).model).toBeNull();
  });
});

describe('the shipped demo kind model', () => {
  let cacheDir: string;
  beforeAll(() => {
    cacheDir = mkdtempSync(path.join(os.tmpdir(), 'shipped-kind-'));
  });
  afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

  it('loaded, it predicts as a freshly trained one (verified by its training data hash, as the safety model)', async () => {
    const examples = kindExamples(loadSafetyData());
    const shipped = existsSync(path.join(SHIPPED_MODELS_DIR, modelFileName(trainingHash(examples))));
    const loaded = await loadOrTrainModel(examples, cacheDir);
    if (!shipped) {
      console.warn('the shipped demo kind model is stale: run npx tsx scripts/ship-models.ts');
      expect(loaded.source).toBe('trained');
      return;
    }
    expect(loaded.source).toBe('shipped');
    const fresh = await trainIntentModel(canonicalExamples(examples));
    expect(serializeModel(loaded.model).equals(serializeModel(fresh))).toBe(true);
    for (const text of [...examples.filter((_, i) => i % 97 === 0).map((e) => e.text), 'my dad will not wake up', 'zzzz qqqq']) {
      expect(asKindModel(loaded.model).kinds(text)).toEqual(asKindModel(fresh).kinds(text));
    }
  }, 300_000);
});

describe('chooseKind: the one place the kind model meets the cues', () => {
  // No cue word of any kind; the classifier's default for risk to life is danger now.
  const noCue = 'sat at the top of the slipway for an hour thinking about letting the handbrake off';
  it('the model decides where the cues are absent', () => {
    expect(cuedKinds(noCue).size).toBe(0);
    expect(chooseKind('danger_now', noCue, probs('suicide_self_harm', KIND_MODEL_RULE.absentAt))).toBe('suicide_self_harm');
    expect(chooseKind('danger_now', noCue, probs('suicide_self_harm', KIND_MODEL_RULE.absentAt - 0.01))).toBe('danger_now');
    expect(chooseKind('danger_now', noCue, undefined)).toBe('danger_now');
  });
  it('the cues keep a kind they name alone unless the model is very sure; a 999 kind is left only on strong evidence', () => {
    const fire = 'there is smoke pouring out of the flat below';
    expect([...cuedKinds(fire)]).toEqual(['fire_gas_co']);
    expect(chooseKind('fire_gas_co', fire, probs('adult_at_risk', 0.9))).toBe('fire_gas_co');
    expect(chooseKind('fire_gas_co', fire, probs('adult_at_risk', KIND_MODEL_RULE.leave999At))).toBe('adult_at_risk');
    const child = 'the little boy next door is left on his own every night';
    expect([...cuedKinds(child)]).toEqual(['child_at_risk']);
    expect(chooseKind('child_at_risk', child, probs('adult_at_risk', KIND_MODEL_RULE.sureAt - 0.01))).toBe('child_at_risk');
    expect(chooseKind('child_at_risk', child, probs('adult_at_risk', KIND_MODEL_RULE.sureAt))).toBe('adult_at_risk');
  });
  it('the screen family\'s kind counts as a cue', () => {
    expect(chooseKind('crime_violence', noCue, probs('suicide_self_harm', 0.9), 'crime_violence')).toBe('crime_violence');
  });
  it('changes the kind only: the action of a decision is the same with and without the probabilities', () => {
    const score: SafetyScore = { score: 0.95, category: 'safety.risk_to_life', known: 1, readable: 1 };
    const without = decideSafety(null, NO_PREDICTION, noCue, score);
    const withKinds = decideSafety(null, NO_PREDICTION, noCue, { ...score, kinds: probs('suicide_self_harm', 0.97) });
    expect(withKinds?.action).toBe(without?.action);
    expect(without?.kind).toBe(inferKind(noCue, 'safety.risk_to_life'));
    expect(withKinds?.kind).toBe('suicide_self_harm');
  });
});

describe('the demo safety model with its kind model', () => {
  const pack = loadContentPack(path.join(root, 'content', 'demo'));
  const data = loadSafetyData();
  let model: SafetyModel;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kind-demo-'));
    model = (await loadOrTrainSafetyModel(pack.training, path.join(os.tmpdir(), 'council-assistant-models'))).model;
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const decide = (m: SafetyModel, text: string) => decideSafety(explainSafety(text)?.hit ?? null, NO_PREDICTION, text, m.score(text));

  it('a pack without labelled disclosures has no kind model: the cues decide the kind', async () => {
    const unlabelled = data.map(({ kind: _kind, ...rest }) => rest);
    const bare = await loadOrTrainSafetyModel(pack.training, dir, [], unlabelled);
    expect(bare.kindModel).toBe(false);
    const text = 'been sat in the car at the harbour thinking about just driving it off the end tonight';
    expect(bare.model.score(text).kinds).toBeUndefined();
    expect(model.score(text).kinds).toBeDefined();
    const { kinds: _kinds, ...withoutKinds } = model.score(text);
    expect(decide(bare.model, text)).toEqual(decideSafety(explainSafety(text)?.hit ?? null, NO_PREDICTION, text, withoutKinds));
  }, 300_000);

  it('never changes the action of a development item (a sample)', () => {
    let changed = 0;
    for (const item of data.filter((_, i) => i % 25 === 0)) {
      const s = model.score(item.text);
      const { kinds: _kinds, ...cuesOnly } = s;
      const hit = explainSafety(item.text)?.hit ?? null;
      if ((decideSafety(hit, NO_PREDICTION, item.text, s)?.action ?? null) !== (decideSafety(hit, NO_PREDICTION, item.text, cuesOnly)?.action ?? null)) changed++;
    }
    expect(changed).toBe(0);
  }, 120_000);

  // Written for this test, after the kinds of error in issue 8 (the cues alone got the first three wrong).
  it.each([
    ['been sat in the car at the harbour thinking about just driving it off the end tonight', 'suicide_self_harm'],
    ['there is a bloke who hangs round the play area handing out sweets to little girls and asking them to come and see his van', 'child_at_risk'],
    ['an old man has fallen in the street and is not moving, there is blood on the pavement', 'danger_now'],
    ["I'm on the bridge over the bypass trying to work out which bit is highest", 'suicide_self_harm'],
    ['a girl from my daughters class, she is 12, keeps getting picked up by a man in his thirties after school', 'child_at_risk'],
    ['one of my elderly clients has a black eye again and says her grandson gets angry when she has no money', 'adult_at_risk'],
    ['my husband keeps all my wages and locks my phone away so I cannot ring my sister', 'domestic_abuse'],
    ['the flat downstairs is full of smoke and I can hear the alarm going, nobody is answering', 'fire_gas_co'],
    ['two lads are fighting outside the chip shop and one has pulled out a knife', 'crime_violence'],
  ])('%s: %s', (text, kind) => {
    expect(decide(model, text)?.kind).toBe(kind);
  });
});
