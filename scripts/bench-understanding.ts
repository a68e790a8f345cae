/**
 * What understanding one message costs in CPU, stage by stage, in this process alone (issue 11:
 * how much of a turn's time is the understanding, without the HTTP server, the database or other
 * processes competing for the cores).
 *   npm run bench:understanding [-- --rounds 300]
 * The messages are those bench:turns residents send (a missed bin and a pothole flow, questions,
 * their answers). Each run gets a fresh copy of the text, as a request's body is, so nothing is
 * served from V8's caches of an identical string. Prints µs per message for each stage and the
 * slowest messages, then one JSON line.
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContentPack } from '../bot/index.js';
import { buildUnderstanding, decideSafety, type IntentPrediction } from '../intents/index.js';
import { commandLine } from './cli.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = commandLine('npm run bench:understanding [-- --rounds 300]');
const rounds = Number(cli.str('rounds') ?? 300);
if (!Number.isInteger(rounds) || rounds < 1) cli.usage('--rounds must be a whole number, 1 or more');

const MESSAGES = [
  'how do I pay council tax',
  'my bin was not emptied today',
  'MB1 1AD',
  'what are the opening hours of the library',
  'thanks',
  'hello',
  "there's a massive pothole outside the school",
  'by the bus stop on Church Street near the school',
  'what council tax band am I in',
  'thank you, bye',
  'how do I register to vote',
  'can I get a single person discount on council tax',
  'how do I complain about the council',
  'Yes',
  'No',
  'yesterday',
  '07700 900456',
  'It is next to the drain cover by the gate',
  'AB12 CDE',
  '2',
];

/** A copy of the text in new memory, as a request's body is. */
const fresh = (text: string) => Buffer.from(text).toString();

async function main(): Promise<void> {
  const pack = loadContentPack(path.join(repoRoot, 'content', 'demo'));
  const { understanding: u } = await buildUnderstanding({
    training: pack.training,
    addresses: pack.gazetteer,
    casePrefix: pack.settings.caseReferencePrefix,
    timeZone: pack.settings.openingHours.timezone,
    modelCacheDir: path.join(os.tmpdir(), 'council-assistant-bench-understanding'),
  });
  const now = new Date();
  const predictions = new Map<string, IntentPrediction>();
  for (const m of MESSAGES) predictions.set(m, await u.recognise(m));

  const stages: [string, (text: string, original: string) => unknown][] = [
    ['safety screen', (t) => u.safety(t)],
    ['entities', (t) => u.entities(t, now)],
    ['safety model score', (t) => u.safetyScore?.(t)],
    ['recogniser (with the safety score)', (t) => u.recognise(t)],
    ['safety decision (decideSafety)', (t, m) => decideSafety(u.safety(t), predictions.get(m)!, t)],
  ];
  const results: Record<string, number> = {};
  for (const [name, run] of stages) {
    for (const m of MESSAGES) await run(fresh(m), m); // warm the JIT
    const started = performance.now();
    for (let i = 0; i < rounds; i++) for (const m of MESSAGES) await run(fresh(m), m);
    results[name] = ((performance.now() - started) / (rounds * MESSAGES.length)) * 1000;
  }
  // The decision includes a screen of its own here; the turn's understanding runs each stage once.
  const perMessage = results['entities'] + results['recogniser (with the safety score)'] + results['safety decision (decideSafety)'];
  console.log(`bench:understanding: ${MESSAGES.length} messages × ${rounds} rounds, one process (${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')})`);
  for (const [name, us] of Object.entries(results)) console.log(`  ${name.padEnd(38)} ${us.toFixed(1).padStart(7)} µs/message`);
  console.log(`  ${'a turn\'s understanding, all stages'.padEnd(38)} ${perMessage.toFixed(1).padStart(7)} µs/message`);
  const slowest: { text: string; us: number }[] = [];
  for (const m of MESSAGES) {
    const started = performance.now();
    for (let i = 0; i < Math.max(20, rounds / 5); i++) {
      const t = fresh(m);
      decideSafety(u.safety(t), predictions.get(m)!, t);
    }
    slowest.push({ text: m, us: ((performance.now() - started) / Math.max(20, rounds / 5)) * 1000 });
  }
  slowest.sort((a, b) => b.us - a.us);
  console.log('  slowest safety decisions (screen + decideSafety):');
  for (const s of slowest.slice(0, 5)) console.log(`    ${s.us.toFixed(0).padStart(5)} µs  ${JSON.stringify(s.text)}`);
  const round1 = (v: number) => Math.round(v * 10) / 10;
  console.log(JSON.stringify({ usPerMessage: round1(perMessage), stages: Object.fromEntries(Object.entries(results).map(([k, v]) => [k, round1(v)])), rounds }));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
