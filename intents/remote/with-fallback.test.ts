import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContentPack } from '../../bot/content-pack/index.js';
import { buildUnderstanding } from '../understanding.js';
import type { IntentPrediction } from '../types.js';
import { tinyModel } from './test-servers.fixture.js';
import type { RecogniseOptions, RemoteRecogniser } from './types.js';
import { RemoteTimeoutError, withFallback, type RemoteFailure } from './with-fallback.js';

const REMOTE: IntentPrediction = { ranked: [{ intent: 'highways.pothole', confidence: 0.8 }], outOfScope: false };
const CONFIDENT: IntentPrediction = { ranked: [{ intent: 'waste.missed_collection', confidence: 0.95 }], outOfScope: false };
const UNSURE: IntentPrediction = { ranked: [{ intent: 'waste.missed_collection', confidence: 0.6 }], outOfScope: false };
const OOS: IntentPrediction = { ranked: [], outOfScope: true };

/** A scripted remote: each call takes the next behaviour. */
function scripted(...steps: (IntentPrediction | Error | 'hang')[]): RemoteRecogniser & { calls: number; aborted: boolean } {
  const r = {
    name: 'scripted',
    calls: 0,
    aborted: false,
    recognise(_text: string, options: RecogniseOptions = {}): Promise<IntentPrediction> {
      const step = steps[Math.min(r.calls++, steps.length - 1)];
      if (step === 'hang') {
        return new Promise((_, reject) => options.signal?.addEventListener('abort', () => ((r.aborted = true), reject(options.signal?.reason))));
      }
      return step instanceof Error ? Promise.reject(step) : Promise.resolve(step);
    },
  };
  return r;
}
const embeddedSaying = (p: IntentPrediction) => ({ predict: () => p });

describe('withFallback', () => {
  it('uses the remote answer when it comes in time', async () => {
    expect(await withFallback(scripted(REMOTE), embeddedSaying(UNSURE)).recognise('x')).toEqual(REMOTE);
  });

  it('falls back on an error and tells onError why', async () => {
    const failures: RemoteFailure[] = [];
    const boom = new Error('ECONNREFUSED');
    const r = withFallback(scripted(boom), embeddedSaying(UNSURE), { onError: (e, f) => (expect(e).toBe(boom), failures.push(f)) });
    expect(await r.recognise('x')).toEqual(UNSURE);
    expect(failures).toEqual([{ recogniser: 'scripted', reason: 'error', elapsedMs: expect.any(Number) }]);
  });

  it('falls back on a timeout and aborts the remote call', async () => {
    const remote = scripted('hang');
    const errors: unknown[] = [];
    const model = await tinyModel();
    const r = withFallback(remote, model, { timeoutMs: 50, onError: (e) => errors.push(e) });
    const text = 'report a pothole';
    expect(await r.recognise(text)).toEqual(model.predict(text));
    expect(remote.aborted).toBe(true);
    expect(errors[0]).toBeInstanceOf(RemoteTimeoutError);
  });

  it('an onError that throws does not break the turn', async () => {
    const r = withFallback(scripted(new Error('x')), embeddedSaying(UNSURE), { onError: () => { throw new Error('logger down'); } });
    expect(await r.recognise('x')).toEqual(UNSURE);
  });

  it('keeps a very confident embedded answer when the remote says out of scope (policy, default 0.9)', async () => {
    expect(await withFallback(scripted(OOS), embeddedSaying(CONFIDENT)).recognise('x')).toEqual(CONFIDENT);
    expect(await withFallback(scripted(OOS), embeddedSaying(UNSURE)).recognise('x')).toEqual(OOS);
    expect(await withFallback(scripted(OOS), embeddedSaying(CONFIDENT), { keepEmbeddedAbove: null }).recognise('x')).toEqual(OOS);
  });

  it('opens the circuit after repeated failures, skips the remote while open, then tries again', async () => {
    const remote = scripted(new Error('down'), new Error('down'), REMOTE);
    const failures: RemoteFailure[] = [];
    const r = withFallback(remote, embeddedSaying(UNSURE), { circuit: { failures: 2, cooldownMs: 100 }, onError: (_e, f) => failures.push(f) });
    await r.recognise('a');
    await r.recognise('b');
    expect(failures[1].circuitOpenForMs).toBe(100);
    expect(await r.recognise('c')).toEqual(UNSURE);
    expect(remote.calls).toBe(2); // skipped while open
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(await r.recognise('d')).toEqual(REMOTE);
    expect(remote.calls).toBe(3);
    expect(failures).toHaveLength(2);
  });
});

describe('buildUnderstanding with a remote recogniser', () => {
  // The demo council's phrases and the model cache every test server shares: the safety model ships with the repository and the
  // intent model is trained once per machine (a pack of its own phrases made the safety model train from the 27,000 development
  // items here, 30 s and more under CI load).
  const dir = path.join(tmpdir(), 'council-assistant-models');
  const { training } = loadContentPack(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'content', 'demo'));
  const base = { training, addresses: [], casePrefix: 'MB', timeZone: 'Europe/London', modelCacheDir: '' };

  it('keeps the embedded behaviour without `remote`, and prefers the remote with it', async () => {
    const plain = await buildUnderstanding({ ...base, modelCacheDir: dir });
    expect(await plain.understanding.recognise('pothole on my road')).toEqual(plain.model.predict('pothole on my road'));

    const withRemote = await buildUnderstanding({ ...base, modelCacheDir: dir, remote: { recogniser: scripted(REMOTE, new Error('down')) } });
    expect(await withRemote.understanding.recognise('bin')).toEqual(REMOTE);
    expect(await withRemote.understanding.recognise('my bin was not emptied')).toEqual(withRemote.model.predict('my bin was not emptied'));
  }, 60_000);
});
