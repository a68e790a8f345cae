/** Answers written from the council's pages (optional LLM, off by default) and follow-ups answered from passages. */
export { PassageIndex, passagesOf, splitArticle, anchorOf, expandQuery, type Passage, type PassageHit } from './passages.js';
export { redactPersonal } from './redact.js';
export { buildAnswerPrompt, answerChannel, CHANNEL_LIMITS, NO_ANSWER, type AnswerChannel, type AnswerLanguage } from './prompt.js';
export { checkAnswer, splitSentences, numbersIn, namesIn, type CheckedSentence, type CheckResult } from './verify.js';
export { retrieve, retrieveLexical, type Embed, type Retrieved, type RetrieveInput } from './retrieve.js';
export { AnswerWriter, shape, type AnswerEndpoint, type WriteInput, type WrittenAnswer, type FallbackReason, type AnswerLog } from './writer.js';
export { answerWriterFromEnv, answerEndpoint, loadAnswersConfig, AnswersConfigError, ANSWERS_KINDS, DEFAULT_ANSWERS_TIMEOUT_MS, type AnswersConfig } from './config.js';
export { answerFromPassages, type PassageAnswer } from './follow-up.js';
