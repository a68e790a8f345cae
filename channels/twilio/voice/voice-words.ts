/**
 * The telephone's own words in English and Welsh (issue 17): what the voice layer says itself
 * (greeting, re-prompts, the keypad menu, goodbyes, the queue), as against the assistant's replies,
 * which come written in the conversation's language. Also the Twilio language tags for each.
 *
 * Speech recognition in Welsh: Twilio's `<Say>` speaks `cy-GB` (Amazon Polly's Welsh voice
 * `Polly.Gwyneth`), but `cy-GB` is not among the `<Gather>` speech recognition languages (the
 * `GatherLanguage` list of the twilio package, 6.2.0, generated from Twilio's TwiML definitions,
 * has no Welsh; Twilio's docs say a language the provider does not support makes the Gather fail,
 * warnings 13331 / 13512). So a Welsh prompt is read in Welsh with every option on a key, and the
 * `<Gather>` listens with the best supported option, `en-GB` by default (callers in Wales say
 * postcodes, street names and numbers, and often English words, which it does recognise).
 * TWILIO_WELSH_GATHER_LANGUAGE changes it: `cy-GB` once Twilio (or the account's provider) lists
 * Welsh, or `dtmf` for keys only.
 */

export type VoiceLanguage = 'en' | 'cy';

/** `<Say language>` per language. */
export function sayLanguage(language: VoiceLanguage): 'en-GB' | 'cy-GB' {
  return language === 'cy' ? 'cy-GB' : 'en-GB';
}

/** How a Welsh prompt's `<Gather>` listens: a recognition language, or keys only. */
export type WelshGather = { input: 'dtmf speech'; language: string } | { input: 'dtmf' };

export function welshGatherFrom(value: string | undefined): WelshGather {
  const v = value?.trim();
  if (v === 'dtmf') return { input: 'dtmf' };
  return { input: 'dtmf speech', language: v && /^[a-z]{2,3}-[A-Z]{2}$/.test(v) ? v : 'en-GB' };
}

export interface VoiceWords {
  greeting(council: string, recorded: boolean): string;
  greetAgain: string;
  sayAgain: string;
  notAnOption: string;
  didYouSay(words: string): string;
  stillCantHear(council: string): string;
  heardNothing: string;
  heardNothingKeypad: string;
  linkSent: string;
  linkFailed: string;
  thanksForCalling(council: string): string;
  goodbye(council: string): string;
  referenceTexted: string;
  typeNumber: string;
  dutyGivenNumber: string;
  dangerGoodbye(nines: string): string;
  callBackOffer(words: string): string;
  callBackLabel: string;
  outOfHoursGoodbye(words: string): string;
  nobodyFree(queue: string): string;
  puttingThrough(queue: string): string;
  paymentRefused: string;
  paymentThrough(recorded: boolean): string;
  anythingElse: string;
  queuePosition(position: number): string;
  thanksForWaiting: string;
  linesBusy: string;
  satisfactionGoodbye: string;
  satisfactionThanks: string;
  adviserEnded: string;
  pleaseHold: string;
  nobodyCouldTake: string;
  transferring: string;
  /** The keys: "For X, press 1." */
  option(spoken: string, digit: string): string;
  yesNoOption(yes: boolean, digit: string): string;
  hashKey: string;
  linkOffer: string;
  linkOption: string;
  detailsOnWebsite: string;
  ourWebsite: string;
  menuEnd: string;
  plus: string;
}

const en: VoiceWords = {
  greeting: (council, recorded) =>
    `Hello, and thank you for calling ${council}.${recorded ? ' Calls are recorded to help us improve our service and for training.' : ''} ` +
    `I'm the council's automated assistant. In a few words, tell me what you're calling about, for example, "my bin wasn't collected". ` +
    'Or press 0 to speak to someone.',
  greetAgain: 'Please tell me in a few words what you are calling about, or press 0 to speak to someone.',
  sayAgain: 'Sorry about that. Please say it again, or use your keypad.',
  notAnOption: "Sorry, that isn't one of the options.",
  didYouSay: (words) => `Did you say ${words}? Press 1 for yes, or 2 for no.`,
  stillCantHear: (council) => `Sorry, I still can't hear you. Please call us again, or visit the ${council} council website. Goodbye.`,
  heardNothing: "Sorry, I didn't hear anything.",
  heardNothingKeypad: "Sorry, I didn't hear anything. You can use your keypad.",
  linkSent: "I've sent you a text message with the link.",
  linkFailed: "Sorry, I couldn't send the text message just now. You can find it on our website.",
  thanksForCalling: (council) => `Thank you for calling ${council}.`,
  goodbye: (council) => `Thank you for calling ${council}. Goodbye.`,
  referenceTexted: "I've also sent the reference to this phone in a text message.",
  typeNumber: 'You can also type the number on your keypad, then press the hash key.',
  dutyGivenNumber: " They will be given the number you're calling from.",
  dangerGoodbye: (nines) => `If anyone is in danger, please hang up and call ${nines}. Thank you for calling. Goodbye.`,
  callBackOffer: (words) => `${words} If you'd like us to call you back when we're open, I can book a time now. Otherwise you can hang up: your message is with the team.`,
  callBackLabel: "a call-back when we're open",
  outOfHoursGoodbye: (words) => `${words} Thank you for calling. Goodbye.`,
  nobodyFree: (queue) =>
    `Nobody in our ${queue} team is free right now. You can stay on the line to wait for the next adviser, or hang up: your message is with the team, and they can see what you've told me.`,
  puttingThrough: (queue) => `I'm putting you through to our ${queue} team now. They will see what you've told me, so you won't need to repeat it. Please stay on the line.`,
  paymentRefused: "Sorry, I can't put you through to our payments line just now. You can pay online, or call us again later.",
  paymentThrough: (recorded) => `I'm putting you through to our payments line now.${recorded ? ' The recording of this call is paused while you give your card details.' : ''}`,
  anythingElse: 'Thank you. Is there anything else I can help you with today?',
  queuePosition: (p) => (p === 1 ? 'You are next in the queue.' : `You are number ${p} in the queue.`),
  thanksForWaiting: 'Thank you for waiting. Someone will be with you as soon as possible.',
  linesBusy: "Sorry, all our lines are busy. Your details are with our team, and they can see what you've told me. Please try again later. Goodbye.",
  satisfactionGoodbye: 'Thank you for calling. Goodbye.',
  satisfactionThanks: 'Thank you for telling us. Goodbye.',
  adviserEnded: 'The adviser has ended the call.',
  pleaseHold: 'Please hold. Your adviser will be back with you shortly.',
  nobodyCouldTake: 'Sorry, nobody could take your call just then. Please stay on the line for the next adviser.',
  transferring: "I'm transferring you now. Please stay on the line.",
  option: (spoken, digit) => `For ${spoken}, press ${digit}`,
  yesNoOption: (yes, digit) => `For ${yes ? 'yes' : 'no'}, press ${digit}`,
  hashKey: ' then the hash key',
  linkOffer: 'I can send you a text message with the link. Press 1 to get it, or carry on.',
  linkOption: 'to get the link in a text message',
  detailsOnWebsite: ' You can find the details on our website.',
  ourWebsite: 'our website',
  menuEnd: 'Or tell me in a few words what you need.',
  plus: 'plus',
};

// Spoken Welsh as a council's Welsh line says it: "pwyswch 1", "Hwyl fawr"; option labels before
// the key ("Gwastraff cyffredinol, pwyswch 1") so no mutation depends on the label.
const cy: VoiceWords = {
  greeting: (council, recorded) =>
    `Helo, a diolch am ffonio ${council}.${recorded ? " Mae galwadau'n cael eu recordio i'n helpu i wella ein gwasanaeth ac ar gyfer hyfforddiant." : ''} ` +
    `Fi yw cynorthwyydd awtomatig y cyngor. Dywedwch wrtha i mewn ychydig eiriau pam rydych chi'n ffonio, er enghraifft, "chafodd fy min i mo'i gasglu". ` +
    'Neu pwyswch 0 i siarad â rhywun.',
  greetAgain: "Dywedwch wrtha i mewn ychydig eiriau pam rydych chi'n ffonio, neu pwyswch 0 i siarad â rhywun.",
  sayAgain: "Mae'n ddrwg gen i am hynny. Dywedwch e eto, neu defnyddiwch eich bysellbad.",
  notAnOption: "Mae'n ddrwg gen i, dydy hwnna ddim yn un o'r dewisiadau.",
  didYouSay: (words) => `Ddwedoch chi ${words}? Pwyswch 1 am ie, neu 2 am na.`,
  stillCantHear: () => "Mae'n ddrwg gen i, dw i'n dal i fethu eich clywed chi. Ffoniwch ni eto, neu ewch i wefan y cyngor. Hwyl fawr.",
  heardNothing: "Mae'n ddrwg gen i, chlywais i ddim byd.",
  heardNothingKeypad: "Mae'n ddrwg gen i, chlywais i ddim byd. Gallwch chi ddefnyddio'ch bysellbad.",
  linkSent: "Dw i wedi anfon neges destun atoch chi gyda'r ddolen.",
  linkFailed: "Mae'n ddrwg gen i, doedd dim modd anfon y neges destun ar hyn o bryd. Mae hi ar gael ar ein gwefan.",
  thanksForCalling: (council) => `Diolch am ffonio ${council}.`,
  goodbye: (council) => `Diolch am ffonio ${council}. Hwyl fawr.`,
  referenceTexted: "Dw i hefyd wedi anfon y cyfeirnod i'r ffôn hwn mewn neges destun.",
  typeNumber: "Gallwch chi hefyd deipio'r rhif ar eich bysellbad, ac yna pwyso'r botwm hash.",
  dutyGivenNumber: " Byddan nhw'n cael y rhif rydych chi'n ffonio ohono.",
  dangerGoodbye: (nines) => `Os oes unrhyw un mewn perygl, rhowch y ffôn i lawr a ffoniwch ${nines}. Diolch am ffonio. Hwyl fawr.`,
  callBackOffer: (words) =>
    `${words} Os hoffech chi i ni eich ffonio chi'n ôl pan fyddwn ni ar agor, galla i drefnu amser nawr. Fel arall, gallwch chi roi'r ffôn i lawr: mae eich neges gyda'r tîm.`,
  callBackLabel: 'galwad yn ôl pan fyddwn ni ar agor',
  outOfHoursGoodbye: (words) => `${words} Diolch am ffonio. Hwyl fawr.`,
  nobodyFree: () =>
    "Does neb yn ein tîm yn rhydd ar hyn o bryd. Gallwch chi aros ar y lein am yr ymgynghorydd nesaf, neu roi'r ffôn i lawr: mae eich neges gyda'r tîm, a gallan nhw weld beth rydych chi wedi'i ddweud wrtha i.",
  puttingThrough: () =>
    "Dw i'n eich trosglwyddo chi i'n tîm nawr. Byddan nhw'n gweld beth rydych chi wedi'i ddweud wrtha i, felly fydd dim angen i chi ei ailadrodd. Arhoswch ar y lein, os gwelwch yn dda.",
  paymentRefused: "Mae'n ddrwg gen i, alla i ddim eich trosglwyddo chi i'n llinell dalu ar hyn o bryd. Gallwch chi dalu ar-lein, neu ein ffonio ni eto nes ymlaen.",
  paymentThrough: (recorded) =>
    `Dw i'n eich trosglwyddo chi i'n llinell dalu nawr.${recorded ? " Mae recordio'r alwad hon wedi'i oedi tra byddwch chi'n rhoi manylion eich cerdyn." : ''}`,
  anythingElse: 'Diolch. Oes unrhyw beth arall y galla i eich helpu chi ag ef heddiw?',
  queuePosition: (p) => (p === 1 ? 'Chi sydd nesaf yn y ciw.' : `Rydych chi'n rhif ${p} yn y ciw.`),
  thanksForWaiting: 'Diolch am aros. Bydd rhywun gyda chi cyn gynted â phosibl.',
  linesBusy:
    "Mae'n ddrwg gen i, mae ein holl linellau'n brysur. Mae eich manylion gyda'n tîm, a gallan nhw weld beth rydych chi wedi'i ddweud wrtha i. Rhowch gynnig arall arni nes ymlaen. Hwyl fawr.",
  satisfactionGoodbye: 'Diolch am ffonio. Hwyl fawr.',
  satisfactionThanks: 'Diolch am roi gwybod i ni. Hwyl fawr.',
  adviserEnded: "Mae'r ymgynghorydd wedi dod â'r alwad i ben.",
  pleaseHold: 'Arhoswch ar y lein, os gwelwch yn dda. Bydd eich ymgynghorydd yn ôl gyda chi cyn bo hir.',
  nobodyCouldTake: "Mae'n ddrwg gen i, doedd neb yn gallu cymryd eich galwad bryd hynny. Arhoswch ar y lein am yr ymgynghorydd nesaf, os gwelwch yn dda.",
  transferring: "Dw i'n eich trosglwyddo chi nawr. Arhoswch ar y lein, os gwelwch yn dda.",
  option: (spoken, digit) => `${spoken[0].toUpperCase()}${spoken.slice(1)}, pwyswch ${digit}`,
  yesNoOption: (yes, digit) => `I ddweud ${yes ? 'ie' : 'na'}, pwyswch ${digit}`,
  hashKey: " ac yna'r botwm hash",
  linkOffer: "Galla i anfon neges destun atoch chi gyda'r ddolen. Pwyswch 1 i'w chael hi, neu ewch ymlaen.",
  linkOption: 'i gael y ddolen mewn neges destun',
  detailsOnWebsite: " Mae'r manylion ar ein gwefan.",
  ourWebsite: 'ein gwefan',
  menuEnd: 'Neu dywedwch wrtha i mewn ychydig eiriau beth sydd ei angen arnoch chi.',
  plus: 'plws',
};

export const VOICE_WORDS: Record<VoiceLanguage, VoiceWords> = { en, cy };

/** The keypad menu of main services in Welsh (the values the bot reads stay those of MAIN_MENU). */
export const MAIN_MENU_CY: Record<string, string> = {
  '1': 'i roi gwybod am fin sydd heb ei gasglu',
  '2': 'i gael gwybod pa ddiwrnod mae eich biniau’n cael eu casglu',
  '3': 'i roi gwybod am dwll yn y ffordd',
  '4': 'am y dreth gyngor',
  '0': 'i siarad â rhywun',
};

/** "Am wasanaeth Cymraeg, pwyswch 1. For English, press 2.": each half in its own voice. */
export const LANGUAGE_QUESTION = { cy: 'Am wasanaeth Cymraeg, pwyswch 1.', en: 'For English, press 2.' } as const;
/** Keys to languages; no prototype, so a caller's Digits such as "constructor" find nothing. */
export const LANGUAGE_KEYS: Record<string, VoiceLanguage> = Object.assign(Object.create(null) as Record<string, VoiceLanguage>, { '1': 'cy', '2': 'en' });
