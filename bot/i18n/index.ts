/** The assistant's languages (issue 17): its words in English and Welsh, the turn's language, detection, Welsh short answers. */
export { messagesIn, catalogueEntries, type Messages, type DuplicateFacts } from './catalogue.js';
export { chooseLanguage, languageChoice, offeredLanguages, isBilingual, type TurnLanguage, type LanguageSource } from './choose.js';
export { detectLanguage, type Detection } from './detect.js';
export { welshShortAnswer } from './answers.js';
export { hoursIn, describeHoursCy } from './hours.js';
export { serviceName, queueName, teamName } from './names.js';
