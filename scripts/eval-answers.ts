/**
 * Evaluates answers written from the council's pages (knowledge-base/answers/):
 *   npm run eval:answers -- [--questions <file>] [--tenant demo] [--stand-in-mode answer|unsupported] [--json]
 * The file is a JSON array of {"question","channel","history"?,"expectFacts","answerable"}.
 * The model is the local stand-in (test/llm-stand-in.ts) unless ANSWERS_LLM and its variables
 * name a real endpoint. Measures: correct facts (share of expected facts in what the resident is
 * shown, the article when the answer falls back), unsupported sentences (each sentence the model
 * wrote checked against its cited passages; those shown after the check), and fallbacks on
 * unanswerable and answerable questions. The last line is one JSON summary.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContentPack } from '../bot/index.js';
import { AnswerWriter, ArticleIndex, answerEndpoint, checkAnswer, loadAnswersConfig, passagesOf, splitSentences, type WrittenAnswer } from '../knowledge-base/index.js';
import { startLlmStandIn } from '../test/llm-stand-in.js';
import { commandLine, type CommandLine } from './cli.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'npm run eval:answers -- [--questions <file>] [--tenant demo] [--stand-in-mode answer|unsupported] [--json]';

interface Question {
  question: string;
  channel: string;
  history?: string[];
  expectFacts: string[];
  answerable: boolean;
}

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').replace(/[’']/g, '');
/** A fact is present when its words appear, spacing and case aside ("01632 960 121" and "01632960121" alike). */
const hasFact = (text: string, fact: string) => norm(text).includes(norm(fact)) || norm(text).replace(/ /g, '').includes(norm(fact).replace(/ /g, ''));

async function main(): Promise<void> {
  const cli: CommandLine = commandLine(USAGE);
  const tenant = cli.str('tenant') ?? 'demo';
  const real = path.join(repoRoot, 'content', tenant, 'eval', 'answers-questions.json');
  const file = path.resolve(cli.str('questions') ?? (fs.existsSync(real) ? real : path.join(repoRoot, 'content', tenant, 'eval', 'answers-dev.json')));
  const questions = JSON.parse(fs.readFileSync(file, 'utf8')) as Question[];
  if (!Array.isArray(questions) || questions.some((q) => typeof q.question !== 'string' || !Array.isArray(q.expectFacts) || typeof q.answerable !== 'boolean')) {
    cli.usage(`${file}: expected [{ "question", "channel", "history"?, "expectFacts", "answerable" }]`);
  }
  const pack = loadContentPack(path.join(repoRoot, 'content', tenant));
  const articles = new ArticleIndex(pack.articles);
  const passages = passagesOf(articles);

  const config = loadAnswersConfig(process.env);
  // `unsupported`: the stand-in adds an invented sentence to every answer, to show the check dropping it.
  const mode = cli.str('stand-in-mode') ?? 'answer';
  if (mode !== 'answer' && mode !== 'unsupported') cli.usage(`--stand-in-mode must be answer or unsupported (got ${mode})`);
  const standIn = config ? null : await startLlmStandIn({ mode });
  const writer = new AnswerWriter(
    answerEndpoint(config ?? { kind: 'llm', baseURL: standIn!.baseURL, model: 'stand-in', embeddingModel: 'stand-in-embeddings', timeoutMs: 5000 }),
  );
  const endpoint = config ? `${config.kind} ${config.model}` : `stand-in (${mode})`;

  let factsExpected = 0;
  let factsShown = 0;
  let factsWritten = 0;
  let sentencesWritten = 0;
  let unsupportedWritten = 0;
  let unsupportedShown = 0;
  let answerable = 0;
  let answerableFellBack = 0;
  let unanswerable = 0;
  let unanswerableRefused = 0;
  const fallbacks: Record<string, number> = {};
  const rows: string[] = [];
  for (const q of questions) {
    const started = performance.now();
    const written: WrittenAnswer = await writer.write({
      passages,
      question: q.question,
      history: q.history ?? [],
      channel: q.channel,
      councilName: pack.settings.councilName,
      maxPassages: pack.settings.answers.maxPassages,
      model: pack.settings.answers.model,
    });
    const ms = Math.round(performance.now() - started);
    // Every sentence the model wrote, against the passages it cites (before anything was dropped).
    if (written.sentences) {
      sentencesWritten += written.sentences.length;
      unsupportedWritten += written.sentences.filter((s) => !s.supported).length;
    }
    let shown: string;
    if (written.kind === 'answer') {
      shown = written.text;
      // What is shown, checked again against the sources it now cites.
      // (On the web the markers are renumbered to the sources' order; SMS and voice carry none to check.)
      if (/\[\d+\]/.test(written.text)) unsupportedShown += checkAnswer(written.text, written.sources).dropped.length;
    } else {
      fallbacks[written.reason] = (fallbacks[written.reason] ?? 0) + 1;
      // The fallback is the article the search finds, as the assistant answers without an LLM.
      shown = articles.search(q.question, { limit: 1 })[0]?.article.summary ?? '';
    }
    if (q.answerable) {
      answerable++;
      if (written.kind === 'fallback') answerableFellBack++;
      factsExpected += q.expectFacts.length;
      factsShown += q.expectFacts.filter((f) => hasFact(shown, f)).length;
      if (written.kind === 'answer') factsWritten += q.expectFacts.filter((f) => hasFact(written.text, f)).length;
    } else {
      unanswerable++;
      if (written.kind === 'fallback') unanswerableRefused++;
    }
    const found = q.expectFacts.filter((f) => hasFact(shown, f)).length;
    rows.push(
      `${q.answerable ? 'A' : 'U'} ${q.channel.padEnd(8)} facts ${found}/${q.expectFacts.length} ${written.kind === 'answer' ? `answer(${splitSentences(written.text).length}s, dropped ${written.dropped})` : `fallback:${written.reason}`} ${ms}ms  ${q.question.slice(0, 60)}`,
    );
  }
  await standIn?.close();
  const share = (a: number, b: number) => (b ? Math.round((1000 * a) / b) / 10 : null);
  const summary = {
    eval: 'answers',
    endpoint,
    questions: questions.length,
    file: path.relative(repoRoot, file),
    correctFactsPct: share(factsShown, factsExpected),
    correctFactsWrittenOnlyPct: share(factsWritten, factsExpected),
    sentencesWritten,
    unsupportedWrittenPct: share(unsupportedWritten, sentencesWritten),
    unsupportedShown,
    unanswerableFellBackPct: share(unanswerableRefused, unanswerable),
    answerableFellBackPct: share(answerableFellBack, answerable),
    fallbacks,
  };
  if (!cli.args.has('json')) {
    for (const r of rows) console.log(r);
    console.log(`\nendpoint: ${endpoint}; ${questions.length} questions from ${summary.file}`);
    console.log(`correct facts shown: ${summary.correctFactsPct}% (in written answers alone: ${summary.correctFactsWrittenOnlyPct}%)`);
    console.log(`sentences written: ${sentencesWritten}, unsupported ${summary.unsupportedWrittenPct}% (dropped before the resident saw them); unsupported shown: ${unsupportedShown}`);
    console.log(`unanswerable questions that fell back (refused or article): ${summary.unanswerableFellBackPct}%; answerable that fell back: ${summary.answerableFellBackPct}%`);
  }
  console.log(JSON.stringify(summary));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
