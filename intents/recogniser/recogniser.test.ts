import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TrainingExample } from '../types.js';
import { deserializeModel, loadOrTrainModel, serializeModel, trainIntentModel } from './index.js';
import { normaliseTokens } from './normalise.js';

const PHRASES: Record<string, string[]> = {
  'waste.missed_collection': [
    "my bin wasn't emptied today",
    'bin not collected again',
    'hi my bins werent collected this morning',
    'the bin men missed my house',
    'you missed my recycling bin',
    'my rubbish was not picked up',
    'report a missed bin collection',
    'nobody came to empty the bins on our street',
    'garden waste bin was missed yesterday',
    'the bins on my road were skipped',
  ],
  'waste.bin_day': [
    'when is my bin day',
    'which day are bins collected',
    'what day do you collect recycling',
    'when will my next collection be',
    'bin collection dates for my address',
    'is it a blue bin week',
    'when do the bin men come',
    'what day is rubbish collection on my street',
    'next recycling collection date',
    'which bin goes out this week',
  ],
  'council_tax.pay': [
    'i want to pay my council tax',
    'how do i pay council tax',
    'pay my council tax bill online',
    'can i pay council tax by card',
    'make a council tax payment',
    'set up a direct debit for council tax',
    'where do i pay my council tax',
    'paying the council tax instalment',
    'i need to pay my tax bill to the council',
    'council tax payment please',
  ],
  'highways.pothole': [
    'there is a pothole on my road',
    'report a pothole',
    'huge hole in the road outside my house',
    'the road surface is broken and dangerous',
    'pothole damaged my car tyre',
    'deep pothole on the high street',
    'the tarmac is crumbling on our lane',
    'road needs repairing there are holes everywhere',
    'a crater in the road near the school',
    'potholes on the main road need fixing',
  ],
  'housing.repair': [
    'my council flat needs a repair',
    'the boiler in my council house is broken',
    'report a repair to my home',
    'damp and mould in my flat',
    'my kitchen tap is leaking in my council house',
    'the heating is not working in my flat',
    'broken window in my council property',
    'repair request for my tenancy',
    'there is a leak in the bathroom ceiling',
    'my front door lock is broken',
  ],
  'safety.risk_to_life': [
    'i want to end my life',
    'i am going to kill myself',
    'someone is threatening to hurt me right now',
    'i feel suicidal',
    'i do not want to live anymore',
    'there is a gas leak and i can smell gas',
    'my neighbour has collapsed and is not breathing',
    'i am thinking of taking an overdose',
    'someone has a knife and is threatening people',
    'i want to hurt myself tonight',
  ],
  // Content packs carry off-topic examples too: they are trained as their own class.
  out_of_scope: [
    'what is the weather like tomorrow',
    'tell me a joke',
    'who won the football last night',
    'recommend a good film to watch',
    'what is the capital of france',
    'how do i renew my passport',
    'book me a doctors appointment',
    'what time does the supermarket close',
    'play some music',
    'how much is a train ticket to london',
  ],
};

const IN_SCOPE = Object.keys(PHRASES).filter((k) => k !== 'out_of_scope');

const EXAMPLES: TrainingExample[] = Object.entries(PHRASES).flatMap(([intent, list]) => list.map((text) => ({ text, intent })));

describe('normaliseTokens', () => {
  it('expands contractions, SMS shorthand and drops fillers', () => {
    expect(normaliseTokens("Yeah hi UM my bins weren't collected 2day pls!!")).toEqual(['yeah', 'hi', 'my', 'bins', 'were', 'not', 'collected', 'today', 'please']);
    expect(normaliseTokens('bins werent colllected')).toEqual(['bins', 'were', 'not', 'colllected'.replace('lll', 'll')]);
  });
});

describe('trainIntentModel', () => {
  let model: Awaited<ReturnType<typeof trainIntentModel>>;
  beforeAll(async () => {
    model = await trainIntentModel(EXAMPLES, { seed: 7 });
  });

  it('knows the in-scope intents, never the out-of-scope label', () => {
    expect([...model.intents].sort()).toEqual(IN_SCOPE.sort());
  });

  it.each([
    ['yeah hi um my bins werent collected today', 'waste.missed_collection'],
    ['bin wasnt emptyed 2day pls', 'waste.missed_collection'],
    ['wat day is my recyling collected', 'waste.bin_day'],
    ['how can I pay my counsil tax?', 'council_tax.pay'],
    ['massive pot hole on the road by the shop', 'highways.pothole'],
    ['the boiler is broken in my flat', 'housing.repair'],
    ['i want to kill myself', 'safety.risk_to_life'],
  ])('recognises %j as %s', (text, intent) => {
    const p = model.predict(text);
    expect(p.ranked[0].intent).toBe(intent);
    expect(p.outOfScope).toBe(false);
  });

  it.each(['asdkjh qwpeoiru zxmnbv', 'xyzzy plugh', '', '🙂🙂', "what's the weather going to be like at the weekend", 'tell me a funny joke', 'who won the match yesterday'])(
    'says %j is out of scope',
    (text) => {
      const p = model.predict(text);
      expect(p.outOfScope).toBe(true);
      expect(p.ranked.map((r) => r.intent)).not.toContain('out_of_scope');
    },
  );

  it('gives ordered confidences in 0..1 that sum to at most 1', () => {
    for (const text of ['when is bin day', 'pothole', 'what is the capital of peru']) {
      const { ranked } = model.predict(text);
      expect(ranked).toHaveLength(model.intents.length);
      const sum = ranked.reduce((s, r) => s + r.confidence, 0);
      expect(sum).toBeLessThanOrEqual(1 + 1e-9);
      for (let i = 0; i < ranked.length; i++) {
        expect(ranked[i].confidence).toBeGreaterThanOrEqual(0);
        if (i > 0) expect(ranked[i].confidence).toBeLessThanOrEqual(ranked[i - 1].confidence);
      }
    }
  });

  it('is not overconfident on an unclear message and confident on a clear one', () => {
    expect(model.predict('report a missed bin collection please').ranked[0].confidence).toBeGreaterThan(0.5);
    expect(model.predict('can you help me').ranked[0].confidence).toBeLessThan(0.5);
  });

  it('is deterministic for a seed', async () => {
    const again = await trainIntentModel(EXAMPLES, { seed: 7 });
    for (const text of ['my bin was missed', 'pay tax', 'hole in road']) expect(again.predict(text)).toEqual(model.predict(text));
  });

  it('survives serialisation unchanged', () => {
    const copy = deserializeModel(serializeModel(model));
    for (const text of ['my bin was missed', 'leaking roof in my flat', 'gibberish zzz']) expect(copy.predict(text)).toEqual(model.predict(text));
  });
});

describe('loadOrTrainModel', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'intent-cache-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('trains once, then loads from disk; changed phrases retrain', async () => {
    const first = await loadOrTrainModel(EXAMPLES, dir);
    expect(first.trained).toBe(true);
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(readdirSync(dir)).toHaveLength(1);

    // Same phrases in another order: same hash, loaded from the cache.
    const second = await loadOrTrainModel([...EXAMPLES].reverse(), dir);
    expect(second.trained).toBe(false);
    expect(second.hash).toBe(first.hash);
    expect(second.model.predict('my bin was missed')).toEqual(first.model.predict('my bin was missed'));

    const changed = await loadOrTrainModel([...EXAMPLES, { text: 'bins not emptied for two weeks', intent: 'waste.missed_collection' }], dir);
    expect(changed.trained).toBe(true);
    expect(changed.hash).not.toBe(first.hash);
  });
});
