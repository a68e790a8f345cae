/**
 * The widget's own words in English and Welsh (issue 17: a council in Wales offers its services in
 * Welsh no less favourably). Every interface string is here, so the English / Cymraeg switch
 * changes them all and a translator finds them in one place. The assistant's replies are written
 * by the server in the conversation's language; these are only the buttons, labels and notices.
 */
import type { Language } from '../../wire/index.js';

export type { Language };

export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', cy: 'Cymraeg' };

type Kind = 'photo' | 'file';

export interface Strings {
  launcher: string;
  close: string;
  closeHidden: string;
  endChat: string;
  endYes: string;
  endNo: string;
  endQuestion: string;
  endUrgentQueued: string;
  endQueued: string;
  endWithAgent: string;
  endBot: string;
  endAnyTime: string;
  conversation: string;
  intro: string;
  yourMessage: string;
  send: string;
  languageGroup: string;
  takePhoto: string;
  addFile: string;
  attachHint: string;
  fileMessage: (kind: Kind, name: string) => string;
  defaultFileName: (kind: Kind) => string;
  sending: string;
  sent: string;
  notSent: string;
  tooLarge: (kind: Kind) => string;
  fileFailed: (kind: Kind) => string;
  tryAgain: string;
  sendFailed: string;
  connectFailed: string;
  endedTitle: string;
  endedText: string;
  startNew: string;
  startNewFailed: string;
  howDidWeDo: string;
  ratingThanks: string;
  ratingFailed: string;
  commentLabel: string;
  commentHint: string;
  sendComment: string;
  commentEmpty: string;
  commentThanks: string;
  commentFailed: string;
  assistantTyping: string;
  agentTyping: (name: string | null) => string;
  talkingTo: (name: string | null) => string;
  waiting: string;
  closedTitle: string;
  closedDetail: string;
  unavailable: string;
  inTeamQueue: string;
  next: string;
  queuePosition: (n: number) => string;
  aboutMinutes: (minutes: number) => string;
  asSoonAsPossible: string;
  fewMinutes: string;
  speakerResident: string;
  speakerBot: string;
  speakerAgent: string;
  speakerSystem: string;
  namedAgentSaid: (name: string) => string;
  namedAgentLabel: (name: string) => string;
  agentLabel: string;
  passing: string;
  suggestedReplies: string;
  suggestedQuestions: string;
  guide: string;
  suggestionsAvailable: (n: number) => string;
}

const en: Strings = {
  launcher: 'Chat with us',
  close: 'Close',
  closeHidden: ' chat',
  endChat: 'End chat',
  endYes: 'Yes, end chat',
  endNo: 'No, keep chatting',
  endQuestion: 'End this chat?',
  endUrgentQueued: 'Our team will still see what you told us.',
  endQueued: "You'll leave the queue for an adviser.",
  endWithAgent: 'Your conversation with the adviser will close.',
  endBot: 'This closes the conversation.',
  endAnyTime: 'You can start a new chat at any time.',
  conversation: 'Conversation',
  intro: 'An automated assistant. You can ask for a person at any time.',
  yourMessage: 'Your message',
  send: 'Send',
  languageGroup: 'Language',
  takePhoto: 'Take a photo',
  addFile: 'Add a photo or file',
  attachHint: 'Photos or PDF files, up to 10 MB. We remove location and camera details from photos.',
  fileMessage: (kind, name) => `${kind === 'photo' ? 'Photo' : 'File'}: ${name}`,
  defaultFileName: (kind) => kind,
  sending: 'Sending…',
  sent: 'Sent',
  notSent: 'Not sent',
  tooLarge: (kind) => `Sorry, I couldn't keep the ${kind} you sent: it is larger than 10 MB.`,
  fileFailed: (kind) => `Sorry, we couldn't send your ${kind}. Try again.`,
  tryAgain: 'Try again',
  sendFailed: "Sorry, we couldn't send that. Try again.",
  connectFailed: "Sorry, we couldn't connect to the assistant. Try again.",
  endedTitle: "You've ended this chat",
  endedText: 'If you need anything else, you can start a new chat.',
  startNew: 'Start a new chat',
  startNewFailed: "Sorry, we couldn't start a new chat. Try again.",
  howDidWeDo: 'How did we do today?',
  ratingThanks: 'Thank you for telling us.',
  ratingFailed: "Sorry, that didn't send. Please try again.",
  commentLabel: 'Comment (optional)',
  commentHint: 'Tell us more if you would like to. Please do not include personal details.',
  sendComment: 'Send comment',
  commentEmpty: 'Write a comment before sending. A comment is optional: there is nothing else you need to do.',
  commentThanks: 'Thank you for your comment.',
  commentFailed: "Sorry, your comment didn't send. Please try again.",
  assistantTyping: 'Assistant is typing…',
  agentTyping: (name) => `${name ?? 'The adviser'} is typing…`,
  talkingTo: (name) => (name ? `You're talking to ${name}, a council adviser` : "You're talking to a council adviser"),
  waiting: 'Waiting for an adviser',
  closedTitle: 'This conversation is closed',
  closedDetail: 'Send a message to start again with the assistant.',
  unavailable: 'Our advisers are not available right now. The team will see your messages when they are back.',
  inTeamQueue: "Nobody is free to reply right now. Your conversation is in the team's queue.",
  next: "You're next",
  queuePosition: (n) => `You're number ${n} in the queue`,
  aboutMinutes: (m) => `about ${m} minute${m === 1 ? '' : 's'}`,
  asSoonAsPossible: 'Someone will be with you as soon as possible.',
  fewMinutes: 'It is usually a few minutes.',
  speakerResident: 'You said:',
  speakerBot: 'Assistant said:',
  speakerAgent: 'Council adviser said:',
  speakerSystem: 'Message from the council:',
  namedAgentSaid: (name) => `${name}, council adviser, said:`,
  namedAgentLabel: (name) => `${name} (council adviser)`,
  agentLabel: 'Council adviser',
  passing: 'Passing you to our team',
  suggestedReplies: 'Suggested replies',
  suggestedQuestions: 'Suggested questions',
  guide: ' (guide)',
  suggestionsAvailable: (n) => `${n} suggestion${n === 1 ? '' : 's'} available. Use up and down arrows to choose.`,
};

// Written as the council's Welsh pages would put it: the informal-polite "chi", plain words over
// literal calques, and mutations after prepositions ("gyda'r", "yng nghiw'r").
const cy: Strings = {
  launcher: 'Sgwrsio â ni',
  close: 'Cau',
  closeHidden: ' y sgwrs',
  endChat: 'Gorffen sgwrs',
  endYes: "Ie, gorffen y sgwrs",
  endNo: 'Na, dal ati i sgwrsio',
  endQuestion: "Gorffen y sgwrs hon?",
  endUrgentQueued: "Bydd ein tîm yn dal i weld yr hyn a ddywedoch chi wrthym.",
  endQueued: "Byddwch chi'n gadael y ciw i siarad ag ymgynghorydd.",
  endWithAgent: "Bydd eich sgwrs gyda'r ymgynghorydd yn cau.",
  endBot: "Bydd hyn yn cau'r sgwrs.",
  endAnyTime: 'Gallwch chi ddechrau sgwrs newydd unrhyw bryd.',
  conversation: 'Sgwrs',
  intro: 'Cynorthwyydd awtomatig. Gallwch chi ofyn am gael siarad â pherson unrhyw bryd.',
  yourMessage: 'Eich neges',
  send: 'Anfon',
  languageGroup: 'Iaith',
  takePhoto: 'Tynnu llun',
  addFile: 'Ychwanegu llun neu ffeil',
  attachHint: "Lluniau neu ffeiliau PDF, hyd at 10 MB. Rydyn ni'n tynnu manylion lleoliad a chamera oddi ar luniau.",
  fileMessage: (kind, name) => `${kind === 'photo' ? 'Llun' : 'Ffeil'}: ${name}`,
  defaultFileName: (kind) => (kind === 'photo' ? 'llun' : 'ffeil'),
  sending: "Wrthi'n anfon…",
  sent: 'Wedi anfon',
  notSent: 'Heb ei anfon',
  tooLarge: (kind) =>
    kind === 'photo'
      ? "Mae'n ddrwg gen i, doedd dim modd cadw'r llun a anfonoch chi: mae'n fwy na 10 MB."
      : "Mae'n ddrwg gen i, doedd dim modd cadw'r ffeil a anfonoch chi: mae'n fwy na 10 MB.",
  fileFailed: (kind) => `Mae'n ddrwg gennym, doedd dim modd anfon eich ${kind === 'photo' ? 'llun' : 'ffeil'}. Rhowch gynnig arall arni.`,
  tryAgain: 'Rhoi cynnig arall arni',
  sendFailed: "Mae'n ddrwg gennym, doedd dim modd anfon hynny. Rhowch gynnig arall arni.",
  connectFailed: "Mae'n ddrwg gennym, doedd dim modd cysylltu â'r cynorthwyydd. Rhowch gynnig arall arni.",
  endedTitle: "Rydych chi wedi gorffen y sgwrs hon",
  endedText: 'Os oes angen unrhyw beth arall arnoch chi, gallwch chi ddechrau sgwrs newydd.',
  startNew: 'Dechrau sgwrs newydd',
  startNewFailed: "Mae'n ddrwg gennym, doedd dim modd dechrau sgwrs newydd. Rhowch gynnig arall arni.",
  howDidWeDo: "Sut wnaethon ni heddiw?",
  ratingThanks: 'Diolch am roi gwybod i ni.',
  ratingFailed: "Mae'n ddrwg gennym, chafodd hynny mo'i anfon. Rhowch gynnig arall arni.",
  commentLabel: 'Sylw (dewisol)',
  commentHint: "Dywedwch fwy wrthym ni os hoffech chi. Peidiwch â chynnwys manylion personol.",
  sendComment: 'Anfon sylw',
  commentEmpty: "Ysgrifennwch sylw cyn anfon. Does dim rhaid rhoi sylw: does dim byd arall y mae angen i chi ei wneud.",
  commentThanks: 'Diolch am eich sylw.',
  commentFailed: "Mae'n ddrwg gennym, chafodd eich sylw mo'i anfon. Rhowch gynnig arall arni.",
  assistantTyping: "Mae'r cynorthwyydd yn teipio…",
  agentTyping: (name) => (name ? `Mae ${name} yn teipio…` : "Mae'r ymgynghorydd yn teipio…"),
  talkingTo: (name) => (name ? `Rydych chi'n siarad gyda ${name}, un o ymgynghorwyr y cyngor` : "Rydych chi'n siarad gydag un o ymgynghorwyr y cyngor"),
  waiting: 'Yn aros am ymgynghorydd',
  closedTitle: "Mae'r sgwrs hon wedi cau",
  closedDetail: "Anfonwch neges i ddechrau eto gyda'r cynorthwyydd.",
  unavailable: "Dydy ein hymgynghorwyr ddim ar gael ar hyn o bryd. Bydd y tîm yn gweld eich negeseuon pan fyddan nhw'n ôl.",
  inTeamQueue: "Does neb ar gael i ateb ar hyn o bryd. Mae eich sgwrs yng nghiw'r tîm.",
  next: 'Chi sydd nesaf',
  queuePosition: (n) => `Rydych chi'n rhif ${n} yn y ciw`,
  // Welsh keeps the noun singular after a number: "5 munud".
  aboutMinutes: (m) => `tua ${m} munud`,
  asSoonAsPossible: 'Bydd rhywun gyda chi cyn gynted â phosibl.',
  fewMinutes: "Fel arfer, mae'n cymryd ychydig funudau.",
  speakerResident: 'Dywedoch chi:',
  speakerBot: "Dywedodd y cynorthwyydd:",
  speakerAgent: "Dywedodd ymgynghorydd y cyngor:",
  speakerSystem: 'Neges gan y cyngor:',
  namedAgentSaid: (name) => `Dywedodd ${name}, ymgynghorydd y cyngor:`,
  namedAgentLabel: (name) => `${name} (ymgynghorydd y cyngor)`,
  agentLabel: 'Ymgynghorydd y cyngor',
  passing: "Yn eich trosglwyddo i'n tîm",
  suggestedReplies: 'Atebion awgrymedig',
  suggestedQuestions: 'Cwestiynau awgrymedig',
  guide: ' (canllaw)',
  suggestionsAvailable: (n) => `${n} ${n === 1 ? 'awgrym' : 'o awgrymiadau'} ar gael. Defnyddiwch y saethau i fyny ac i lawr i ddewis.`,
};

export const STRINGS: Record<Language, Strings> = { en, cy };

export function isLanguage(value: unknown): value is Language {
  return value === 'en' || value === 'cy';
}

/** "cy", "cy-GB", "CY" → 'cy'; anything else (or nothing) → null. */
export function languageOf(tag: string | null | undefined): Language | null {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return isLanguage(primary) ? primary : null;
}
