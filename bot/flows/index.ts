export { startFlow, continueFlow, repeatQuestion, currentStep, caseSummary, slotLabels, describeSlot, type FlowContext, type FlowTurn } from './engine.js';
export { wordingFor, fillTemplate } from './wording.js';
