export { startFlow, continueFlow, repeatQuestion, currentStep, caseSummary, slotLabels, describeSlot, type FlowContext, type FlowTurn } from './engine.js';
export { wordingFor, fillTemplate } from './wording.js';
export { answerFlowQuestion, accessibilityArticle, asksAboutPhotos, asksForAccessibilityStatement, flowQuestionTopic, isAboutThisFlow, isConversationReset, personForQuestion, photoAnswer, questionStrength, startAgainReply, type FlowQuestionTopic } from './questions.js';
