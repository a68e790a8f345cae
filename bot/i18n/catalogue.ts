/**
 * The assistant's own words in English and Welsh, side by side (issue 17): every fixed reply,
 * notice, button and error the bot gives. Each entry is `both(english, welsh)` of one type, so a
 * missing or mis-shaped Welsh entry fails to compile. The English is the wording tests pin; the
 * Welsh is written as a Welsh speaker would say it to a resident (the "chi" form, mutations), not
 * word for word. Button values in Welsh are words the assistant reads back (answers.ts).
 */
import type { RiskKind } from '../../intents/index.js';
import type { Language, Suggestion } from '../messages.js';

function both<T>(en: T, cy: NoInfer<T>): { en: T; cy: T } {
  return { en, cy };
}

const ENTRIES = {
  // Greeting, choice of language, goodbye (replies.ts).
  greetingIntro: both(
    (name: string, council: string) =>
      `Hello, I'm the ${name}, ${council}'s online assistant. I can answer questions, report problems like missed bins or potholes, and put you through to our team.`,
    (name, council) =>
      `Helo, ${name} ydw i, cynorthwyydd ar-lein ${council}. Galla i ateb cwestiynau, rhoi gwybod am broblemau fel biniau heb eu casglu neu dyllau yn y ffordd, a'ch rhoi chi mewn cysylltiad â'n tîm.`,
  ),
  helpQuestion: both('What can I help with?', 'Sut galla i helpu?'),
  languageQuestion: both('Would you like to carry on in English or Welsh?', "Hoffech chi barhau yn Gymraeg neu yn Saesneg?"),
  languageChosen: both("Thank you, we'll carry on in English.", 'Diolch, fe wnawn ni barhau yn Gymraeg.'),
  popularTasks: both<Suggestion[]>(
    [
      { label: 'Report a missed bin', value: 'Report a missed bin' },
      { label: 'When is my bin day?', value: 'When is my bin day?' },
      { label: 'Report a pothole', value: 'Report a pothole' },
      { label: 'Pay my council tax', value: 'How do I pay my council tax?' },
      { label: 'Talk to a person', value: 'Talk to a person' },
    ],
    [
      { label: 'Rhoi gwybod am fin heb ei gasglu', value: 'Rhoi gwybod am fin heb ei gasglu' },
      { label: 'Pryd mae fy niwrnod bin?', value: 'Pryd mae fy niwrnod bin?' },
      { label: 'Rhoi gwybod am dwll yn y ffordd', value: 'Rhoi gwybod am dwll yn y ffordd' },
      { label: 'Talu fy nhreth gyngor', value: 'Sut mae talu fy nhreth gyngor?' },
      { label: 'Siarad â pherson', value: 'Siarad â pherson' },
    ],
  ),
  fault: both(
    'Sorry, something went wrong on our side. Your message has been saved. Please try again, or ask to talk to a person.',
    "Mae'n ddrwg gen i, aeth rhywbeth o'i le ar ein hochr ni. Mae eich neges wedi'i chadw. Rhowch gynnig arall arni, neu gofynnwch am gael siarad â pherson.",
  ),
  goodbye: both("You're welcome. If you need anything else, just type it here. Goodbye for now.", "Croeso. Os oes angen unrhyw beth arall arnoch chi, teipiwch e yma. Hwyl am y tro."),

  // Yes and no buttons (the danger question has its own: "Oes"/"Nac oes" answer "Oes unrhyw un…?").
  yesNo: both<Suggestion[]>(
    [
      { label: 'Yes', value: 'Yes' },
      { label: 'No', value: 'No' },
    ],
    [
      { label: 'Ie', value: 'Ie' },
      { label: 'Na', value: 'Na' },
    ],
  ),
  dangerYesNo: both<Suggestion[]>(
    [
      { label: 'Yes', value: 'Yes' },
      { label: 'No', value: 'No' },
    ],
    [
      { label: 'Oes', value: 'Oes' },
      { label: 'Nac oes', value: 'Nac oes' },
    ],
  ),
  talkToPerson: both<Suggestion>({ label: 'Talk to a person', value: 'Talk to a person' }, { label: 'Siarad â pherson', value: 'Siarad â pherson' }),

  // Signposting (replies.ts defaultSignposting): national services' names and what each is for.
  signpostNames: both(
    {
      emergency: 'Emergency services',
      samaritans: 'Samaritans',
      shout: 'Shout',
      nhs: 'NHS',
      gas: 'National Gas Emergency',
      police: 'Police',
      domesticAbuse: 'National Domestic Abuse Helpline',
      nspcc: 'NSPCC',
    },
    {
      emergency: 'Gwasanaethau brys',
      samaritans: 'Samariaid',
      shout: 'Shout',
      nhs: 'GIG',
      gas: 'Gwasanaeth Argyfwng Nwy Cenedlaethol',
      police: 'Heddlu',
      domesticAbuse: 'Llinell Gymorth Genedlaethol Cam-drin Domestig',
      nspcc: 'NSPCC',
    },
  ),
  councilTeams: both(
    {
      duty: (council: string) => `${council} out-of-hours duty team`,
      children: (council: string) => `${council} children's services`,
      adults: (council: string) => `${council} adult social care`,
    },
    {
      duty: (council) => `Tîm dyletswydd y tu allan i oriau ${council}`,
      children: (council) => `Gwasanaethau plant ${council}`,
      adults: (council) => `Gofal cymdeithasol oedolion ${council}`,
    },
  ),
  signpostNotes: both(
    {
      lifeAtRisk: 'if a life is at risk now',
      anyTime: 'free, any time, day or night',
      shout: 'text SHOUT, free, any time',
      nhsMentalHealth: 'choose option 2 for urgent mental health help',
      hurtOrDanger: 'if someone is hurt or in danger now',
      fire: 'for a fire, or if anyone is unwell',
      gas: 'for a smell of gas or carbon monoxide: leave the building, do not use switches or flames, and call from outside',
      crime: 'if a crime is happening now or someone is in danger',
      youInDanger: 'if you are in danger now',
      helpline: 'free, 24 hours, confidential',
      childDanger: 'if a child is in immediate danger',
      officeHours: 'in office hours',
      outOfHours: 'evenings, weekends and bank holidays',
      nspcc: 'free advice if you are worried about a child',
      someoneDanger: 'if someone is in immediate danger',
    },
    {
      lifeAtRisk: 'os oes bywyd mewn perygl nawr',
      anyTime: 'am ddim, unrhyw bryd, ddydd a nos',
      shout: 'tecstiwch SHOUT, am ddim, unrhyw bryd',
      nhsMentalHealth: 'dewiswch opsiwn 2 i gael help brys gydag iechyd meddwl',
      hurtOrDanger: "os oes rhywun wedi'i anafu neu mewn perygl nawr",
      fire: 'os oes tân, neu os oes unrhyw un yn sâl',
      gas: "os ydych chi'n arogli nwy neu'n amau carbon monocsid: ewch allan o'r adeilad, peidiwch â defnyddio switshis na fflamau, a ffoniwch o'r tu allan",
      crime: 'os oes trosedd yn digwydd nawr neu os oes rhywun mewn perygl',
      youInDanger: 'os ydych chi mewn perygl nawr',
      helpline: 'am ddim, 24 awr y dydd, cyfrinachol',
      childDanger: 'os yw plentyn mewn perygl uniongyrchol',
      officeHours: 'yn ystod oriau swyddfa',
      outOfHours: "gyda'r nos, ar benwythnosau ac ar wyliau banc",
      nspcc: "cyngor am ddim os ydych chi'n poeni am blentyn",
      someoneDanger: 'os yw rhywun mewn perygl uniongyrchol',
    },
  ),
  /** Wordings councils often give their own signposting entries, so a pack's English list can be said in Welsh. */
  signpostExtras: both(
    {
      silentCall: 'if you are in danger now (if you cannot speak, press 55 when asked)',
      emergencyDuty: (council: string) => `${council} emergency duty team`,
    },
    {
      silentCall: "os ydych chi mewn perygl nawr (os na allwch chi siarad, pwyswch 55 pan ofynnir i chi)",
      emergencyDuty: (council) => `Tîm dyletswydd brys ${council}`,
    },
  ),
  /** Words that put the gas line first: the English ones, and in Welsh the Welsh ones too. */
  gasWords: both(
    ['gas', 'carbon monoxide', 'monoxide', 'co alarm', 'fumes', 'boiler'],
    ['gas', 'carbon monoxide', 'monoxide', 'co alarm', 'fumes', 'boiler', 'nwy', 'carbon monocsid', 'monocsid', 'larwm co', 'mygdarth', 'boeler'],
  ),

  // Safety (replies.ts safetyReply, dangerQuestion).
  safetyOpening: both<Record<RiskKind, string>>(
    {
      suicide_self_harm: "I'm really sorry you're going through this. You don't have to face it alone, and you can talk to someone now.",
      danger_now: 'This sounds like an emergency. If someone is hurt or in danger, get help now.',
      fire_gas_co: 'Please get everyone to safety first.',
      crime_violence: 'If this is happening now, please get help straight away.',
      domestic_abuse: "Thank you for telling us. You're not alone, and help is available.",
      child_at_risk: "Thank you for telling us. A child's safety comes first.",
      adult_at_risk: 'Thank you for telling us. Please get help for them now.',
    },
    {
      suicide_self_harm: "Mae'n wir ddrwg gen i eich bod chi'n mynd drwy hyn. Does dim rhaid i chi wynebu hyn ar eich pen eich hun, a gallwch chi siarad â rhywun nawr.",
      danger_now: "Mae hyn yn swnio fel argyfwng. Os oes rhywun wedi'i anafu neu mewn perygl, mynnwch help nawr.",
      fire_gas_co: 'Ewch â phawb i le diogel yn gyntaf, os gwelwch yn dda.',
      crime_violence: 'Os yw hyn yn digwydd nawr, mynnwch help ar unwaith.',
      domestic_abuse: "Diolch am ddweud wrthon ni. Dydych chi ddim ar eich pen eich hun, ac mae help ar gael.",
      child_at_risk: "Diolch am ddweud wrthon ni. Diogelwch plentyn sy'n dod gyntaf.",
      adult_at_risk: 'Diolch am ddweud wrthon ni. Mynnwch help iddyn nhw nawr.',
    },
  ),
  safetyNext: both(
    {
      agent: 'A member of our team is here and will join this conversation now.',
      agentSpoken: 'A member of our team is here and will join you now.',
      duty: "I'm alerting the council's duty officer now; I'll tell you here once they've been reached.",
      dutySpoken: "I'm alerting the council's duty officer now.",
      noneOpen: (line: string) =>
        `Nobody from our team is free to join this chat right now, so please don't wait for a reply here: call the numbers above, or the council on ${line}. ` +
        'Your message is at the front of our queue and the team will see it.',
      noneOpenSpoken: (spoken: string) => `Nobody from our team is free right now, so please call the numbers I've given you, or the council on ${spoken}.`,
      noneClosed: (line: string, hours: string) =>
        `Nobody from the council can be reached through this chat right now. Please call the numbers above, or the council's out-of-hours line on ${line}. ` +
        `Our team will see your message when they are back (${hours}).`,
      noneClosedSpoken: (spoken: string) =>
        `Nobody from the council can be reached through this call right now. Please call the numbers I've given you, or the council's out-of-hours line on ${spoken}.`,
    },
    {
      agent: "Mae aelod o'n tîm yma a bydd yn ymuno â'r sgwrs hon nawr.",
      agentSpoken: "Mae aelod o'n tîm yma a bydd yn ymuno â chi nawr.",
      duty: "Rydw i'n rhoi gwybod i swyddog dyletswydd y cyngor nawr; fe ddyweda i wrthych chi yma pan fydd rhywun wedi cael gafael arnyn nhw.",
      dutySpoken: "Rydw i'n rhoi gwybod i swyddog dyletswydd y cyngor nawr.",
      noneOpen: (line) =>
        `Does neb o'n tîm yn rhydd i ymuno â'r sgwrs hon ar hyn o bryd, felly peidiwch ag aros am ateb yma: ffoniwch y rhifau uchod, neu'r cyngor ar ${line}. ` +
        "Mae eich neges ar flaen ein ciw a bydd y tîm yn ei gweld.",
      noneOpenSpoken: (spoken) => `Does neb o'n tîm yn rhydd ar hyn o bryd, felly ffoniwch y rhifau rydw i wedi'u rhoi i chi, neu'r cyngor ar ${spoken}.`,
      noneClosed: (line, hours) =>
        `Does dim modd cael gafael ar neb o'r cyngor drwy'r sgwrs hon ar hyn o bryd. Ffoniwch y rhifau uchod, neu linell y cyngor y tu allan i oriau ar ${line}. ` +
        `Bydd ein tîm yn gweld eich neges pan fyddan nhw'n ôl (${hours}).`,
      noneClosedSpoken: (spoken) =>
        `Does dim modd cael gafael ar neb o'r cyngor drwy'r alwad hon ar hyn o bryd. Ffoniwch y rhifau rydw i wedi'u rhoi i chi, neu linell y cyngor y tu allan i oriau ar ${spoken}.`,
    },
  ),
  danger: both(
    {
      question: 'Is anyone in danger right now?',
      call: (nines: string) => `If someone is in danger, call ${nines}.`,
      unreadable: 'Sorry, I may not have understood that: I read English best.',
      unreadableSpoken: 'Sorry, I may not have understood that: I understand English best.',
      interpreter: 'They can find an interpreter.',
      // Under the question when the unsure reading is of these kinds: a disclosure that is asked, not escalated, still gets the
      // kind's own helpline at once (the pack's first service that is not the emergency number).
      helpline: {
        suicide_self_harm: 'If you are having thoughts of suicide or of harming yourself, you can talk to someone now:',
        domestic_abuse: 'If someone is hurting, threatening or controlling you, you can talk to someone in confidence:',
      },
    },
    {
      question: 'Oes unrhyw un mewn perygl ar hyn o bryd?',
      call: (nines) => `Os oes rhywun mewn perygl, ffoniwch ${nines}.`,
      unreadable: "Mae'n ddrwg gen i, efallai nad ydw i wedi deall hynny: rydw i'n darllen Cymraeg a Saesneg orau.",
      unreadableSpoken: "Mae'n ddrwg gen i, efallai nad ydw i wedi deall hynny: rydw i'n deall Cymraeg a Saesneg orau.",
      interpreter: 'Gallan nhw ddod o hyd i gyfieithydd.',
      helpline: {
        suicide_self_harm: "Os ydych chi'n meddwl am hunanladdiad neu am niweidio'ch hun, gallwch chi siarad â rhywun nawr:",
        domestic_abuse: "Os oes rhywun yn eich brifo, yn eich bygwth neu'n eich rheoli, gallwch chi siarad â rhywun yn gyfrinachol:",
      },
    },
  ),

  // The end of a chat (replies.ts chatEnded).
  chatEnded: both(
    {
      ended: "You've ended this chat.",
      endedSpoken: "You've ended this conversation.",
      stillSeen: (nines: string) => ` Our team can still see what you told us. If anyone is in danger, call ${nines}.`,
      againSms: 'If you need us again, just send a new text.',
      againVoice: 'Thank you for calling. Goodbye.',
      againChat: 'If you need us again, you can start a new chat.',
    },
    {
      ended: "Rydych chi wedi dod â'r sgwrs hon i ben.",
      endedSpoken: "Rydych chi wedi dod â'r sgwrs hon i ben.",
      stillSeen: (nines) => ` Mae ein tîm yn dal i allu gweld beth ddywedoch chi wrthon ni. Os oes unrhyw un mewn perygl, ffoniwch ${nines}.`,
      againSms: 'Os bydd angen help arnoch chi eto, anfonwch neges destun newydd.',
      againVoice: 'Diolch am ffonio. Hwyl fawr.',
      againChat: 'Os bydd angen help arnoch chi eto, gallwch chi ddechrau sgwrs newydd.',
    },
  ),

  // Handing over to a person (replies.ts handoffMessage).
  handoff: both(
    {
      busy: ' Everyone is busy at the moment, so it may take a little longer than usual.',
      aboutAMinute: ' The wait is about a minute.',
      aboutMinutes: (n: number) => ` The wait is about ${n} minutes.`,
      front: ' You are at the front of the queue.',
      passing: (queue: string) =>
        `I'm passing you to our ${queue} team. A member of staff will reply here, and they can see this conversation, so you won't need to repeat yourself.`,
      nobodyFree: (queue: string, phone: string) =>
        `Nobody in our ${queue} team is free to reply right now. I've put your conversation in their queue, so they will see it and can reply here; ` +
        `they can see this conversation, so you won't need to repeat yourself. If it is urgent, call ${phone}.`,
      nobodyFreeSpoken: (queue: string, spoken: string) => `Nobody in our ${queue} team is free right now. I've put your message in their queue. If it is urgent, call ${spoken}.`,
      closed: (hours: string, queue: string, phone: string) =>
        `Our advisers are available ${hours}, so nobody is here right now. I've passed your message to the ${queue} team, who will see it when they are back and can reply here. ` +
        `You can also ask for a call-back. If it is urgent, call ${phone}.`,
      closedSpoken: (hours: string, queue: string, spoken: string) =>
        `Our advisers are available ${hours}, so nobody is here right now. I've passed your message to the ${queue} team, who will see it when they are back. If it is urgent, call ${spoken}.`,
    },
    {
      busy: " Mae pawb yn brysur ar hyn o bryd, felly gallai gymryd ychydig yn hirach nag arfer.",
      aboutAMinute: " Mae'r amser aros tua munud.",
      aboutMinutes: (n) => ` Mae'r amser aros tua ${n} munud.`,
      front: ' Rydych chi ar flaen y ciw.',
      passing: (queue) =>
        `Rydw i'n eich trosglwyddo chi i'n tîm ${queue}. Bydd aelod o staff yn ateb yma, ac maen nhw'n gallu gweld y sgwrs hon, felly fydd dim angen i chi ailadrodd eich hun.`,
      nobodyFree: (queue, phone) =>
        `Does neb yn ein tîm ${queue} yn rhydd i ateb ar hyn o bryd. Rydw i wedi rhoi eich sgwrs yn eu ciw, felly byddan nhw'n ei gweld ac yn gallu ateb yma; ` +
        `maen nhw'n gallu gweld y sgwrs hon, felly fydd dim angen i chi ailadrodd eich hun. Os yw'n fater brys, ffoniwch ${phone}.`,
      nobodyFreeSpoken: (queue, spoken) => `Does neb yn ein tîm ${queue} yn rhydd ar hyn o bryd. Rydw i wedi rhoi eich neges yn eu ciw. Os yw'n fater brys, ffoniwch ${spoken}.`,
      closed: (hours, queue, phone) =>
        `Mae ein hymgynghorwyr ar gael ${hours}, felly does neb yma ar hyn o bryd. Rydw i wedi anfon eich neges at y tîm ${queue}, a fydd yn ei gweld pan fyddan nhw'n ôl ac yn gallu ateb yma. ` +
        `Gallwch chi hefyd ofyn i ni eich ffonio chi'n ôl. Os yw'n fater brys, ffoniwch ${phone}.`,
      closedSpoken: (hours, queue, spoken) =>
        `Mae ein hymgynghorwyr ar gael ${hours}, felly does neb yma ar hyn o bryd. Rydw i wedi anfon eich neges at y tîm ${queue}, a fydd yn ei gweld pan fyddan nhw'n ôl. Os yw'n fater brys, ffoniwch ${spoken}.`,
    },
  ),
  outOfHoursOptions: both<Suggestion[]>(
    [
      { label: 'Ask for a call-back', value: 'Please call me back' },
      { label: 'Leave my message for the team', value: "That's fine, I'll wait" },
    ],
    [
      { label: 'Gofyn am alwad yn ôl', value: 'Ffoniwch fi yn ôl plis' },
      { label: "Gadael fy neges i'r tîm", value: "Mae hynny'n iawn, fe wna i aros" },
    ],
  ),
  feedbackSuggestions: both<Suggestion[]>(
    [
      { label: 'Yes, it helped', value: 'Yes, it helped' },
      { label: "No, it didn't help", value: "No, it didn't help" },
    ],
    [
      { label: 'Oedd, diolch', value: 'Oedd, diolch' },
      { label: 'Nac oedd', value: 'Nac oedd' },
    ],
  ),
  offerPerson: both(
    {
      question: 'Would you like to talk to a member of our team?',
      tryAgain: { label: "No, I'll try again", value: "No, I'll rephrase" } as Suggestion,
    },
    {
      question: "Hoffech chi siarad ag aelod o'n tîm?",
      tryAgain: { label: "Na, fe wna i drio eto", value: 'Na, fe wna i drio eto' },
    },
  ),

  // One-time codes (replies.ts).
  codes: both(
    {
      offered: (phone: string, minutes: number) =>
        `We can link this chat with your texts and calls from ${phone}: reply with the 6-digit code we've just texted you. ` +
        `It lasts ${minutes} minutes. If you'd rather not, just carry on.`,
      linked: (phone: string) => `Thank you, that's the right code. This chat is now linked with your texts and calls from ${phone}, so our team sees them together.`,
      wrong: (triesLeft: number) => `That code doesn't match, so nothing has been linked. Please check the text and try again (${triesLeft} ${triesLeft === 1 ? 'try' : 'tries'} left).`,
      wrongLast: "That code doesn't match, and that was the last try, so this chat has not been linked. Everything else carries on as before.",
      expired: 'That code has expired, so this chat has not been linked. Everything else carries on as before.',
      usedUp: 'There have been too many tries at that code, so it no longer works and this chat has not been linked.',
      alreadyUsed: 'That code has already been used. It only works once; this chat was linked when it was first given.',
      notSentYet: "The text with your code hasn't gone yet. Please wait for it, then reply with the code.",
    },
    {
      offered: (phone, minutes) =>
        `Gallwn ni gysylltu'r sgwrs hon â'ch negeseuon testun a'ch galwadau o ${phone}: atebwch gyda'r cod 6 digid rydyn ni newydd ei anfon atoch chi mewn neges destun. ` +
        `Mae'n para ${minutes} munud. Os byddai'n well gennych chi beidio, ewch ymlaen fel arfer.`,
      linked: (phone) => `Diolch, dyna'r cod cywir. Mae'r sgwrs hon bellach wedi'i chysylltu â'ch negeseuon testun a'ch galwadau o ${phone}, felly mae ein tîm yn eu gweld gyda'i gilydd.`,
      wrong: (triesLeft) => `Dydy'r cod yna ddim yn cyfateb, felly does dim byd wedi'i gysylltu. Gwiriwch y neges a rhowch gynnig arall arni (cynigion ar ôl: ${triesLeft}).`,
      wrongLast: "Dydy'r cod yna ddim yn cyfateb, a dyna oedd y cynnig olaf, felly dydy'r sgwrs hon ddim wedi'i chysylltu. Mae popeth arall yn parhau fel o'r blaen.",
      expired: "Mae'r cod yna wedi dod i ben, felly dydy'r sgwrs hon ddim wedi'i chysylltu. Mae popeth arall yn parhau fel o'r blaen.",
      usedUp: "Mae gormod o gynigion wedi bod ar y cod yna, felly dydy e ddim yn gweithio mwyach a dydy'r sgwrs hon ddim wedi'i chysylltu.",
      alreadyUsed: "Mae'r cod yna wedi cael ei ddefnyddio'n barod. Dim ond unwaith mae'n gweithio; cafodd y sgwrs hon ei chysylltu pan gafodd ei roi gyntaf.",
      notSentYet: "Dydy'r neges destun gyda'ch cod ddim wedi mynd eto. Arhoswch amdani, yna atebwch gyda'r cod.",
    },
  ),

  // The policy's own replies (policy.ts).
  turn: both(
    {
      misunderstoodPrefix: 'If I have misunderstood,',
      /** The link under an answer on SMS, WhatsApp and voice, where a passage's title is too long. */
      more: 'More',
      stillNotUnderstood: "Sorry, I still don't understand.",
      notHelped: "I'm sorry I haven't been able to help.",
      thanksForTelling: 'Thank you for telling me.',
      troubleWithQuestion: "I'm having trouble with this question.",
      noAnswerYet: (service: string) => `I don't have an answer about ${service} here yet.`,
      notCouncil: "Sorry, that isn't something the council deals with, so I can't help with it here.",
      councilServices: 'I can help with council services such as bins, council tax, roads, housing and more.',
      notSure: "I'm not sure I understood. Did you mean one of these?",
      somethingElse: { label: 'Something else', value: 'Something else' } as Suggestion,
      notUnderstood: "Sorry, I didn't understand that. Could you say it another way? For example: \"my bin wasn't collected\" or \"how do I pay council tax\".",
      feedbackThanks: 'Thank you. Is there anything else I can help with?',
      feedbackMore: 'Thank you for telling me. Could you tell me a bit more about what you need? You can also ask to talk to a person.',
      wasThisUseful: 'Was this useful?',
      onOurWebsite: (title: string) => `${title} on our website`,
      carryOn: (prompt: string) => `To carry on with your report: ${prompt}`,
      ok: (prompt: string) => `OK. ${prompt}`,
      callbackNumber: 'What number should we call you on?',
      notAPhone: 'That does not look like a UK phone number. Please try again, or say "cancel".',
      leftQueue: "OK, I've taken you out of the queue. I'm here if you need anything else.",
      queuedNote: "Thanks, I've added that to your conversation for our team to see. You're still in their queue.",
      stopWaiting: { label: 'Stop waiting', value: 'Cancel' } as Suggestion,
      callbackBooked: (phone: string, reference: string, hours: string, urgent: string) =>
        `Thank you. I've recorded your request for a call-back on ${phone}, with reference ${reference}. ` +
        `The team will see it when they are back (${hours}). If it is urgent, call ${urgent}.`,
      caseCreated: (reference: string, team: string, date: string) =>
        `Thank you. Your report has been sent. Your reference is ${reference}.\n\n` +
        `What happens next: our ${team} team aims to deal with it by ${date}. ` +
        `You can ask me about it at any time by giving your reference.`,
      caseCreatedSpoken: (spaced: string) => `Thank you. Your report has been sent. Your reference is ${spaced}. Again, that's ${spaced}.`,
      reportSomethingElse: { label: 'Report something else', value: 'I want to report something else' } as Suggestion,
      duplicate: (d: DuplicateFacts) => {
        const where = d.metres === null ? '' : d.sameSpot ? ', at the same spot' : `, about ${d.metres} metres from the place you gave`;
        const what = d.metres === null ? 'This was already reported' : 'This looks like the same problem as one reported';
        return `Thank you. ${what} on ${d.when}${where}, so I've added your report to it rather than open a new one. The reference is ${d.reference}. It is ${d.status}.`;
      },
      duplicateSpoken: (d: DuplicateFacts) => {
        const where = d.metres === null ? '' : d.sameSpot ? ', at the same spot' : `, about ${d.metres} metres from the place you gave`;
        const what = d.metres === null ? 'This was already reported' : 'This looks like the same problem as one reported';
        return `Thank you. ${what} on ${d.when}${where}, so I've added your report to it. The reference is ${d.spaced}. It is ${d.status}.`;
      },
    },
    {
      misunderstoodPrefix: "Os ydw i wedi camddeall,",
      more: 'Rhagor',
      stillNotUnderstood: "Mae'n ddrwg gen i, dydw i'n dal ddim yn deall.",
      notHelped: "Mae'n ddrwg gen i nad ydw i wedi gallu helpu.",
      thanksForTelling: 'Diolch am ddweud wrtha i.',
      troubleWithQuestion: "Rydw i'n cael trafferth gyda'r cwestiwn hwn.",
      noAnswerYet: () => 'Does gen i ddim ateb am hynny yma eto.',
      notCouncil: "Mae'n ddrwg gen i, dydy hynny ddim yn rhywbeth mae'r cyngor yn delio ag e, felly alla i ddim helpu gyda hynny yma.",
      councilServices: "Galla i helpu gyda gwasanaethau'r cyngor fel biniau, y dreth gyngor, ffyrdd, tai a mwy.",
      notSure: "Dydw i ddim yn siŵr fy mod i wedi deall. Oeddech chi'n golygu un o'r rhain?",
      somethingElse: { label: 'Rhywbeth arall', value: 'Rhywbeth arall' },
      notUnderstood:
        "Mae'n ddrwg gen i, wnes i ddim deall hynny. Allech chi ei ddweud mewn ffordd arall? Er enghraifft: \"dydy fy min ddim wedi cael ei gasglu\" neu \"sut mae talu'r dreth gyngor\".",
      feedbackThanks: "Diolch. Oes unrhyw beth arall galla i eich helpu chi gydag e?",
      feedbackMore: "Diolch am ddweud wrtha i. Allech chi ddweud ychydig mwy wrtha i am yr hyn sydd ei angen arnoch chi? Gallwch chi hefyd ofyn am gael siarad â pherson.",
      wasThisUseful: "Oedd hyn yn ddefnyddiol?",
      onOurWebsite: (title) => `${title} ar ein gwefan`,
      carryOn: (prompt) => `I barhau gyda'ch adroddiad: ${prompt}`,
      ok: (prompt) => `Iawn. ${prompt}`,
      callbackNumber: 'Ar ba rif ddylen ni eich ffonio chi?',
      notAPhone: 'Dydy hwnna ddim yn edrych fel rhif ffôn yn y DU. Rhowch gynnig arall arni, neu dywedwch "canslo".',
      leftQueue: "Iawn, rydw i wedi eich tynnu chi allan o'r ciw. Rydw i yma os oes angen unrhyw beth arall arnoch chi.",
      queuedNote: "Diolch, rydw i wedi ychwanegu hynny at eich sgwrs i'n tîm ei weld. Rydych chi'n dal yn eu ciw.",
      stopWaiting: { label: "Rhoi'r gorau i aros", value: 'Canslo' },
      callbackBooked: (phone, reference, hours, urgent) =>
        `Diolch. Rydw i wedi cofnodi eich cais am alwad yn ôl ar ${phone}, gyda'r cyfeirnod ${reference}. ` +
        `Bydd y tîm yn ei weld pan fyddan nhw'n ôl (${hours}). Os yw'n fater brys, ffoniwch ${urgent}.`,
      caseCreated: (reference, team, date) =>
        `Diolch. Mae eich adroddiad wedi'i anfon. Eich cyfeirnod yw ${reference}.\n\n` +
        `Beth sy'n digwydd nesaf: mae ein tîm ${team} yn anelu at ddelio ag e erbyn ${date}. ` +
        'Gallwch chi ofyn i mi amdano unrhyw bryd drwy roi eich cyfeirnod.',
      caseCreatedSpoken: (spaced) => `Diolch. Mae eich adroddiad wedi'i anfon. Eich cyfeirnod yw ${spaced}. Unwaith eto, ${spaced}.`,
      reportSomethingElse: { label: 'Rhoi gwybod am rywbeth arall', value: 'Dw i eisiau rhoi gwybod am rywbeth arall' },
      duplicate: (d) => {
        const where = d.metres === null ? '' : d.sameSpot ? ', yn yr un man' : `, tua ${d.metres} metr o'r lle a roesoch chi`;
        const what = d.metres === null ? "Mae rhywun eisoes wedi rhoi gwybod am hyn" : "Mae hyn yn edrych fel yr un broblem ag un y rhoddwyd gwybod amdani";
        return `Diolch. ${what} (${d.when})${where}, felly rydw i wedi ychwanegu eich adroddiad ato yn hytrach nag agor un newydd. Y cyfeirnod yw ${d.reference}. Mae ${d.status}.`;
      },
      duplicateSpoken: (d) => {
        const where = d.metres === null ? '' : d.sameSpot ? ', yn yr un man' : `, tua ${d.metres} metr o'r lle a roesoch chi`;
        const what = d.metres === null ? "Mae rhywun eisoes wedi rhoi gwybod am hyn" : "Mae hyn yn edrych fel yr un broblem ag un y rhoddwyd gwybod amdani";
        return `Diolch. ${what} (${d.when})${where}, felly rydw i wedi ychwanegu eich adroddiad ato. Y cyfeirnod yw ${d.spaced}. Mae ${d.status}.`;
      },
    },
  ),

  // Where to go instead, for what the council does not deal with (policy.ts outOfScope).
  elsewhere: both(
    {
      health: (nhs: string) => `For health matters, contact your GP or call NHS ${nhs}.`,
      police: (police: string) => `To report a crime that is not an emergency, call the police on ${police}. In an emergency, call 999.`,
      benefits: 'Universal Credit and other benefits are run by the Department for Work and Pensions (DWP): visit GOV.UK or call the Universal Credit helpline.',
      national: 'That is handled by a national government service. You can find it on GOV.UK.',
      utilities: 'Water, gas and electricity problems are dealt with by your supplier or network operator. For a gas leak call 0800 111 999; for a power cut call 105.',
    },
    {
      health: (nhs) => `Ar gyfer materion iechyd, cysylltwch â'ch meddyg teulu neu ffoniwch GIG ${nhs}.`,
      police: (police) => `I roi gwybod am drosedd nad yw'n argyfwng, ffoniwch yr heddlu ar ${police}. Mewn argyfwng, ffoniwch 999.`,
      benefits: "Yr Adran Gwaith a Phensiynau (DWP) sy'n gyfrifol am Gredyd Cynhwysol a budd-daliadau eraill: ewch i GOV.UK neu ffoniwch linell gymorth Credyd Cynhwysol.",
      national: "Gwasanaeth cenedlaethol gan y llywodraeth sy'n delio â hynny. Gallwch chi ddod o hyd iddo ar GOV.UK.",
      utilities: "Eich cyflenwr neu weithredwr y rhwydwaith sy'n delio â phroblemau dŵr, nwy a thrydan. Os oes nwy yn gollwng, ffoniwch 0800 111 999; os oes toriad pŵer, ffoniwch 105.",
    },
  ),

  // Flows (flows/engine.ts).
  flow: both(
    {
      commandsSms: 'Reply "go back" to change an answer, or "cancel report" to stop.',
      commands: 'You can say "cancel", "go back" or "start again" at any time.',
      updatesQuestion: 'Would you like updates about this report? If so, I will ask for a phone number or email address, used only for this report.',
      updatesYes: { label: 'Yes, send me updates', value: 'Yes' } as Suggestion,
      noThanks: { label: 'No thanks', value: 'No' } as Suggestion,
      contactQuestion: 'What is the best mobile number or email address for updates?',
      skip: { label: 'Skip this question', value: 'Skip' } as Suggestion,
      goBack: { label: 'Go back', value: 'Go back' } as Suggestion,
      startAgain: { label: 'Start again', value: 'Start again' } as Suggestion,
      cancel: { label: 'Cancel', value: 'Cancel' } as Suggestion,
      sendIt: { label: 'Yes, send it', value: 'Yes' } as Suggestion,
      notGiven: 'not given',
      yes: 'yes',
      no: 'no',
      contactLine: (contact: string) => `- Contact for updates: ${contact}`,
      check: (title: string, lines: string) => `Please check your report: ${title}\n${lines}\n\nShall I send it?`,
      cancelled: `OK, I've cancelled that. Nothing has been sent. Is there anything else I can help with?`,
      restart: "OK, let's start again.",
      yesOrNo: 'Please answer yes or no.',
      noContact: 'No problem, no contact details then.',
      badContact: 'That does not look like a phone number or email address. Please try again, or say "skip".',
      whatNow: 'What would you like to do?',
      confirmRetry: 'Please say yes to send the report, "go back" to change an answer, or "cancel".',
      needAnswer: 'I need an answer to this one to send the report.',
      didntCatch: "Sorry, I didn't catch that.",
      addressOrPlace: "I couldn't find that address. Try a postcode, a street address, or describe the place.",
      addressOnly: "I couldn't find that address in our records. Try the postcode, or the house number and street.",
      chooseOption: 'Please choose one of the options.',
      giveDate: 'Please give a date, like "today", "last Tuesday" or "12/11".',
      notUkPhone: 'That does not look like a UK phone number.',
      notEmail: 'That does not look like an email address.',
      giveNumber: 'Please give a number.',
      tellMore: 'Please tell me a little more.',
      goingBack: 'OK, going back.',
      firstQuestion: "That's the first question.",
    },
    {
      commandsSms: 'Atebwch "yn ôl" i newid ateb, neu "canslo adroddiad" i stopio.',
      commands: 'Gallwch chi ddweud "canslo", "yn ôl" neu "dechrau eto" unrhyw bryd.',
      updatesQuestion:
        "Hoffech chi gael diweddariadau am yr adroddiad hwn? Os felly, bydda i'n gofyn am rif ffôn neu gyfeiriad e-bost, a fydd yn cael ei ddefnyddio ar gyfer yr adroddiad hwn yn unig.",
      updatesYes: { label: 'Ie, anfonwch ddiweddariadau', value: 'Ie' },
      noThanks: { label: 'Dim diolch', value: 'Na' },
      contactQuestion: "Beth yw'r rhif ffôn symudol neu'r cyfeiriad e-bost gorau ar gyfer diweddariadau?",
      skip: { label: "Hepgor y cwestiwn hwn", value: 'Hepgor' },
      goBack: { label: 'Mynd yn ôl', value: 'Mynd yn ôl' },
      startAgain: { label: 'Dechrau eto', value: 'Dechrau eto' },
      cancel: { label: 'Canslo', value: 'Canslo' },
      sendIt: { label: 'Ie, anfonwch e', value: 'Ie' },
      notGiven: 'heb ei roi',
      yes: 'ie',
      no: 'na',
      contactLine: (contact) => `- Cyswllt ar gyfer diweddariadau: ${contact}`,
      check: (title, lines) => `Gwiriwch eich adroddiad: ${title}\n${lines}\n\nGa i ei anfon?`,
      cancelled: "Iawn, rydw i wedi canslo hynny. Does dim byd wedi'i anfon. Oes unrhyw beth arall galla i eich helpu chi gydag e?",
      restart: "Iawn, gadewch i ni ddechrau eto.",
      yesOrNo: 'Atebwch ie neu na, os gwelwch yn dda.',
      noContact: 'Dim problem, dim manylion cyswllt felly.',
      badContact: 'Dydy hwnna ddim yn edrych fel rhif ffôn na chyfeiriad e-bost. Rhowch gynnig arall arni, neu dywedwch "hepgor".',
      whatNow: "Beth hoffech chi ei wneud?",
      confirmRetry: 'Dywedwch "ie" i anfon yr adroddiad, "yn ôl" i newid ateb, neu "canslo".',
      needAnswer: "Mae angen ateb i'r cwestiwn hwn arna i er mwyn anfon yr adroddiad.",
      didntCatch: "Mae'n ddrwg gen i, wnes i ddim deall hynny'n iawn.",
      addressOrPlace: "Alla i ddim dod o hyd i'r cyfeiriad yna. Rhowch gynnig ar god post, cyfeiriad stryd, neu disgrifiwch y lle.",
      addressOnly: "Alla i ddim dod o hyd i'r cyfeiriad yna yn ein cofnodion. Rhowch gynnig ar y cod post, neu rif y tŷ a'r stryd.",
      chooseOption: "Dewiswch un o'r opsiynau, os gwelwch yn dda.",
      giveDate: 'Rhowch ddyddiad, fel "heddiw", "dydd Mawrth diwethaf" neu "12/11".',
      notUkPhone: 'Dydy hwnna ddim yn edrych fel rhif ffôn yn y DU.',
      notEmail: 'Dydy hwnna ddim yn edrych fel cyfeiriad e-bost.',
      giveNumber: 'Rhowch rif, os gwelwch yn dda.',
      tellMore: 'Dywedwch ychydig mwy wrtha i, os gwelwch yn dda.',
      goingBack: 'Iawn, yn ôl â ni.',
      firstQuestion: "Dyna'r cwestiwn cyntaf.",
    },
  ),

  // "How did we do?" (satisfaction.ts).
  satisfaction: both(
    {
      question: 'Before you go: how did we do today?',
      ratings: [
        { label: 'Good', value: 'Good' },
        { label: 'Okay', value: 'Okay' },
        { label: 'Poor', value: 'Poor' },
      ] as Suggestion[],
      phoneQuestion: 'Before you go, how did we do today? Press 1 for good, 2 for okay, or 3 for poor.',
      askComment: 'Thank you. If you would like to tell us more, write a short comment now. Otherwise there is nothing else you need to do.',
      noComment: { label: 'No comment', value: 'No comment' } as Suggestion,
      done: 'Thank you. If you need us again, just send a message.',
      commented: 'Thank you for your comment. It helps us improve. If you need us again, just send a message.',
    },
    {
      question: 'Cyn i chi fynd: sut wnaethon ni heddiw?',
      ratings: [
        { label: 'Da', value: 'Da' },
        { label: 'Iawn', value: 'Iawn' },
        { label: 'Gwael', value: 'Gwael' },
      ],
      phoneQuestion: "Cyn i chi fynd, sut wnaethon ni heddiw? Pwyswch 1 os oedd yn dda, 2 os oedd yn iawn, neu 3 os oedd yn wael.",
      askComment: "Diolch. Os hoffech chi ddweud mwy wrthon ni, ysgrifennwch sylw byr nawr. Fel arall, does dim byd arall sydd angen i chi ei wneud.",
      noComment: { label: 'Dim sylw', value: 'Dim sylw' },
      done: 'Diolch. Os bydd angen help arnoch chi eto, anfonwch neges.',
      commented: "Diolch am eich sylw. Mae'n ein helpu ni i wella. Os bydd angen help arnoch chi eto, anfonwch neges.",
    },
  ),

  // "What is happening with my report?" (case-status.ts).
  caseStatusWords: both(
    {
      notCaught: (prefix: string) =>
        `Sorry, I didn't catch a reference. It looks like ${prefix}-123456. If you can't find it, ask "what have I reported?" from the phone you reported with, or ask to talk to a person.`,
      notCaughtSpoken: (spoken: string) => `Sorry, I didn't catch a reference. It starts with ${spoken}, then six numbers. If you can't find it, you can ask to talk to a person.`,
      ask: (prefix: string) => `What is your reference number? It looks like ${prefix}-123456.`,
      askSpoken: (spoken: string) =>
        `What is your reference number? It starts with ${spoken}, then six numbers. You can say it, or type the six numbers on your keypad and then press the hash key.`,
      unknown: (reference: string) => `I can't find a report with the reference ${reference}. Please check it, or ask to talk to a person.`,
      statusOnly: (reference: string, status: string) => `Report ${reference} is ${status}.`,
      askPerson: 'If you need to know more about it, you can ask to talk to a person.',
      checkQuestion: 'To tell you more, what phone number or e-mail did you give when you reported it?',
      thatsFine: "That's fine.",
      wrong: (reference: string, left: number) =>
        `Sorry, that doesn't match what we hold for report ${reference}. You can try ${left === 1 ? 'once more' : `${left} more times`}: what phone number or e-mail did you give when you reported it?`,
      failed: (statusOnly: string) => `Sorry, that doesn't match what we hold, so I can only tell you its status. ${statusOnly} If you need to know more, you can ask to talk to a person.`,
      orReference: (prefix: string) => `If you have a reference (it looks like ${prefix}-123456), tell me it and I'll tell you how that report is getting on.`,
      listVoice: (or: string) => `I can't see the number you're calling from, so I can't list your reports. ${or} Or call us from the phone you reported with.`,
      listCode: (or: string) =>
        `I can only list reports for a phone number we know is yours. If you gave a mobile number when you reported something, tell me the number and I'll text you a code to check it. ${or}`,
      listNoCheck: (or: string) => `I can only list reports for a phone number we know is yours, and I can't check that here. ${or} You can also text or call us from the phone you reported with.`,
      listEmpty: (or: string) => `I can't find any reports from you. ${or}`,
      report: 'report',
      listLine: (reference: string, service: string, status: string, date: string) => `${reference}: ${service}, ${status} (reported ${date})`,
      listHead: (shown: number, more: boolean): string => (shown === 1 ? 'Here is your report:' : `Here are your ${more ? `latest ${shown}` : shown} reports, newest first:`),
      listTail: (more: boolean): string => (more ? 'There are older ones too. Give me a reference to hear more about any of them.' : 'Give me a reference to hear more about one.'),
      askAgainAfterCode: ' Once that\'s done, ask me "what have I reported?" again.',
      noCode: (prefix: string) => `Sorry, I can't text a code to that number just now, so I can't list your reports. If you have a reference (it looks like ${prefix}-123456), tell me it.`,
      yourReport: 'your report',
      made: (reference: string, service: string, date: string) => `Report ${reference} (${service}) was made on ${date}.`,
      what: (summary: string) => ` What was reported: ${summary}.`,
      where: (where: string) => ` Where: ${where}.`,
      status: (status: string, note: string) => ` It is ${status}${note ? `: ${note}` : ''}.`,
      target: (date: string) => ` We aim to deal with it by ${date}.`,
    },
    {
      notCaught: (prefix) =>
        `Mae'n ddrwg gen i, wnes i ddim clywed cyfeirnod. Mae'n edrych fel ${prefix}-123456. Os na allwch chi ddod o hyd iddo, gofynnwch "beth ydw i wedi rhoi gwybod amdano?" o'r ffôn y gwnaethoch chi roi gwybod ohono, neu gofynnwch am gael siarad â pherson.`,
      notCaughtSpoken: (spoken) => `Mae'n ddrwg gen i, wnes i ddim clywed cyfeirnod. Mae'n dechrau gyda ${spoken}, ac yna chwe rhif. Os na allwch chi ddod o hyd iddo, gallwch chi ofyn am gael siarad â pherson.`,
      ask: (prefix) => `Beth yw eich cyfeirnod? Mae'n edrych fel ${prefix}-123456.`,
      askSpoken: (spoken) =>
        `Beth yw eich cyfeirnod? Mae'n dechrau gyda ${spoken}, ac yna chwe rhif. Gallwch chi ei ddweud, neu deipio'r chwe rhif ar fysellbad eich ffôn ac yna pwyso'r allwedd hash.`,
      unknown: (reference) => `Alla i ddim dod o hyd i adroddiad gyda'r cyfeirnod ${reference}. Gwiriwch e, neu gofynnwch am gael siarad â pherson.`,
      statusOnly: (reference, status) => `Mae adroddiad ${reference} ${status}.`,
      askPerson: 'Os oes angen i chi wybod mwy amdano, gallwch chi ofyn am gael siarad â pherson.',
      checkQuestion: "I ddweud mwy wrthych chi, pa rif ffôn neu gyfeiriad e-bost wnaethoch chi ei roi pan wnaethoch chi roi gwybod amdano?",
      thatsFine: "Mae hynny'n iawn.",
      wrong: (reference, left) =>
        `Mae'n ddrwg gen i, dydy hynny ddim yn cyfateb i'r hyn sydd gennym ni ar gyfer adroddiad ${reference}. ${left === 1 ? 'Gallwch chi roi un cynnig arall arni' : `Gallwch chi roi cynnig arall arni (cynigion ar ôl: ${left})`}: pa rif ffôn neu gyfeiriad e-bost wnaethoch chi ei roi pan wnaethoch chi roi gwybod amdano?`,
      failed: (statusOnly) =>
        `Mae'n ddrwg gen i, dydy hynny ddim yn cyfateb i'r hyn sydd gennym ni, felly dim ond ei statws galla i ei ddweud wrthych chi. ${statusOnly} Os oes angen i chi wybod mwy, gallwch chi ofyn am gael siarad â pherson.`,
      orReference: (prefix) => `Os oes gennych chi gyfeirnod (mae'n edrych fel ${prefix}-123456), rhowch e i mi ac fe ddyweda i wrthych chi sut mae'r adroddiad hwnnw'n dod yn ei flaen.`,
      listVoice: (or) => `Alla i ddim gweld y rhif rydych chi'n ffonio ohono, felly alla i ddim rhestru eich adroddiadau. ${or} Neu ffoniwch ni o'r ffôn y gwnaethoch chi roi gwybod ohono.`,
      listCode: (or) =>
        `Dim ond ar gyfer rhif ffôn rydyn ni'n gwybod ei fod yn eiddo i chi y galla i restru adroddiadau. Os rhoesoch chi rif ffôn symudol pan wnaethoch chi roi gwybod am rywbeth, rhowch y rhif i mi ac fe anfona i god atoch chi mewn neges destun i'w wirio. ${or}`,
      listNoCheck: (or) =>
        `Dim ond ar gyfer rhif ffôn rydyn ni'n gwybod ei fod yn eiddo i chi y galla i restru adroddiadau, a alla i ddim gwirio hynny yma. ${or} Gallwch chi hefyd anfon neges destun aton ni neu ein ffonio ni o'r ffôn y gwnaethoch chi roi gwybod ohono.`,
      listEmpty: (or) => `Alla i ddim dod o hyd i unrhyw adroddiadau gennych chi. ${or}`,
      report: 'adroddiad',
      listLine: (reference, service, status, date) => `${reference}: ${service}, ${status} (rhoddwyd gwybod ${date})`,
      listHead: (shown, more) => (shown === 1 ? 'Dyma eich adroddiad:' : `Dyma eich ${shown} adroddiad${more ? ' diweddaraf' : ''}, y mwyaf newydd yn gyntaf:`),
      listTail: (more) => (more ? "Mae rhai hŷn hefyd. Rhowch gyfeirnod i mi i glywed mwy am unrhyw un ohonyn nhw." : 'Rhowch gyfeirnod i mi i glywed mwy am un ohonyn nhw.'),
      askAgainAfterCode: ' Ar ôl gwneud hynny, gofynnwch "beth ydw i wedi rhoi gwybod amdano?" eto.',
      noCode: (prefix) =>
        `Mae'n ddrwg gen i, alla i ddim anfon cod i'r rhif yna mewn neges destun ar hyn o bryd, felly alla i ddim rhestru eich adroddiadau. Os oes gennych chi gyfeirnod (mae'n edrych fel ${prefix}-123456), rhowch e i mi.`,
      yourReport: 'eich adroddiad',
      made: (reference, service, date) => `Dyddiad adroddiad ${reference} (${service}): ${date}.`,
      what: (summary) => ` Beth gafodd ei adrodd: ${summary}.`,
      where: (where) => ` Ble: ${where}.`,
      status: (status, note) => ` Mae ${status}${note ? `: ${note}` : ''}.`,
      target: (date) => ` Rydyn ni'n anelu at ddelio ag e erbyn ${date}.`,
    },
  ),

  // Case updates offered after a report (case-updates.ts).
  updates: both(
    {
      byEmailGiven: 'by e-mail to the address you gave',
      whatsapp: 'here on WhatsApp',
      smsThis: 'by text message to this number',
      smsGiven: 'by text message to the number you gave',
      smsCalling: 'by text message to the mobile you are calling from',
      stopHint: 'Say "stop updates" at any time to stop them.',
      flowQuestion: 'Would you like updates about this report? (answered yes, with a phone number or e-mail address)',
      subscribed: (how: string, hint: string) => `I'll tell you when its status changes, ${how}. ${hint}`,
      unreachable: (email: boolean) => `I can't send updates to the ${email ? 'e-mail address' : 'number'} you gave from here. `,
      question: (unreachable: string, how: string) => `${unreachable}Would you like me to tell you when it moves? I'd send it ${how}.`,
      questionSpoken: (unreachable: string, sms: boolean) => `${unreachable}Would you like me to ${sms ? 'text you' : 'tell you'} when it moves? Press 1 for yes, or 2 for no.`,
      yesNo: [
        { label: 'Yes, tell me', value: 'Yes' },
        { label: 'No thanks', value: 'No' },
      ] as Suggestion[],
      webchat: (unreachable: string) => `${unreachable}If its status changes while this chat is open, you'll see it here.`,
      okSubscribed: (how: string, hint: string) => `OK, I'll tell you when it moves, ${how}. ${hint}`,
      declined: (reference: string) => `OK, no updates. You can ask me about it at any time with the reference ${reference}.`,
      none: "You don't have any updates switched on, so there's nothing to stop. You can ask me about a report at any time by giving its reference.",
      stopped: (count: number) => `OK, I've stopped updates about your ${count === 1 ? 'report' : 'reports'}. You can still ask me about a report at any time by giving its reference.`,
    },
    {
      byEmailGiven: "drwy e-bost i'r cyfeiriad a roesoch chi",
      whatsapp: 'yma ar WhatsApp',
      smsThis: "drwy neges destun i'r rhif hwn",
      smsGiven: "drwy neges destun i'r rhif a roesoch chi",
      smsCalling: "drwy neges destun i'r ffôn symudol rydych chi'n ffonio ohono",
      stopHint: 'Dywedwch "stopio diweddariadau" unrhyw bryd i\'w stopio.',
      flowQuestion: 'Hoffech chi gael diweddariadau am yr adroddiad hwn? (atebwyd ie, gyda rhif ffôn neu gyfeiriad e-bost)',
      subscribed: (how, hint) => `Fe ddyweda i wrthych chi pan fydd ei statws yn newid, ${how}. ${hint}`,
      unreachable: (email) => `Alla i ddim anfon diweddariadau o'r fan hyn i'r ${email ? 'cyfeiriad e-bost' : 'rhif'} a roesoch chi. `,
      question: (unreachable, how) => `${unreachable}Hoffech chi i mi ddweud wrthych chi pan fydd yn symud ymlaen? Byddwn i'n ei anfon ${how}.`,
      questionSpoken: (unreachable, sms) => `${unreachable}Hoffech chi i mi ${sms ? 'anfon neges destun atoch chi' : 'ddweud wrthych chi'} pan fydd yn symud ymlaen? Pwyswch 1 am ie, neu 2 am na.`,
      yesNo: [
        { label: 'Ie, dywedwch wrtha i', value: 'Ie' },
        { label: 'Dim diolch', value: 'Na' },
      ],
      webchat: (unreachable) => `${unreachable}Os bydd ei statws yn newid tra bydd y sgwrs hon ar agor, byddwch chi'n ei weld yma.`,
      okSubscribed: (how, hint) => `Iawn, fe ddyweda i wrthych chi pan fydd yn symud ymlaen, ${how}. ${hint}`,
      declined: (reference) => `Iawn, dim diweddariadau. Gallwch chi ofyn i mi amdano unrhyw bryd gyda'r cyfeirnod ${reference}.`,
      none: "Does gennych chi ddim diweddariadau wedi'u troi ymlaen, felly does dim byd i'w stopio. Gallwch chi ofyn i mi am adroddiad unrhyw bryd drwy roi ei gyfeirnod.",
      stopped: (count) => `Iawn, rydw i wedi stopio diweddariadau am eich ${count === 1 ? 'adroddiad' : 'adroddiadau'}. Gallwch chi ofyn i mi am adroddiad unrhyw bryd o hyd drwy roi ei gyfeirnod.`,
    },
  ),

  // Call-backs chosen in the chat (callbacks.ts).
  callbacks: both(
    {
      declinedAnything: "OK, I haven't booked a call-back. Is there anything else I can help with?",
      declined: "OK, I haven't booked a call-back.",
      noSlots: (days: number, phone: string) =>
        `Sorry, there are no call-back times free in the next ${days} days, so I can't book one. You can call us on ${phone}, or leave your message here for the team to read.`,
      noSlotsSpoken: (days: number, spoken: string) => `Sorry, there are no call-back times free in the next ${days} days, so I can't book one. You can call us on ${spoken} during opening hours.`,
      when: (phone: string) => `When should we call you on ${phone}? Choose a time:`,
      noneOfThese: { label: 'None of these', value: 'None of these' } as Suggestion,
      taken: (slot: string) => `Sorry, ${slot} has just been taken.`,
      booked: (phone: string, slot: string, end: string, retry: string) => `Thank you. A member of our team will call you on ${phone} on ${slot} (between then and ${end}). ${retry}`,
      once: "We'll call once, so please keep your phone nearby.",
      retry: (more: number, minutes: number) => `If we miss you, we'll try again ${more === 1 ? 'once more' : `up to ${more} more times`}, ${minutes} minutes apart.`,
      complaintUnavailable: (phone: string) => `Sorry, I can't book a call-back about a complaint at the moment. You can call us on ${phone}.`,
      complaintWithin: (minutes: number) => `within ${minutes} minutes`,
      complaintAfterOpening: (minutes: number, slot: string) => `within ${minutes} minutes of opening, on ${slot}`,
      complaintBooked: (phone: string, when: string, retry: string) => `Thank you. A member of our team will call you on ${phone} about your complaint ${when}. ${retry}`,
      none: "You don't have a call-back booked with us in this conversation. Is there anything else I can help with?",
      calling: "We're calling you about it right now, so I can't cancel it. You can simply not answer, or tell the adviser you no longer need the call.",
      cancelledFor: (slot: string) => ` for ${slot}`,
      cancelled: (when: string) => `OK, I've cancelled your call-back${when}. Is there anything else I can help with?`,
    },
    {
      declinedAnything: "Iawn, dydw i ddim wedi trefnu galwad yn ôl. Oes unrhyw beth arall galla i eich helpu chi gydag e?",
      declined: 'Iawn, dydw i ddim wedi trefnu galwad yn ôl.',
      noSlots: (days, phone) =>
        `Mae'n ddrwg gen i, does dim amseroedd ar gael i'ch ffonio chi'n ôl yn ystod y ${days} diwrnod nesaf, felly alla i ddim trefnu galwad. Gallwch chi ein ffonio ni ar ${phone}, neu adael eich neges yma i'r tîm ei darllen.`,
      noSlotsSpoken: (days, spoken) =>
        `Mae'n ddrwg gen i, does dim amseroedd ar gael i'ch ffonio chi'n ôl yn ystod y ${days} diwrnod nesaf, felly alla i ddim trefnu galwad. Gallwch chi ein ffonio ni ar ${spoken} yn ystod oriau agor.`,
      when: (phone) => `Pryd dylen ni eich ffonio chi ar ${phone}? Dewiswch amser:`,
      noneOfThese: { label: "Dim un o'r rhain", value: "Dim un o'r rhain" },
      taken: (slot) => `Mae'n ddrwg gen i, mae'r amser ${slot} newydd gael ei gymryd.`,
      booked: (phone, slot, end, retry) => `Diolch. Bydd aelod o'n tîm yn eich ffonio chi ar ${phone} (${slot}, rhwng hynny a ${end}). ${retry}`,
      once: "Dim ond unwaith y byddwn ni'n ffonio, felly cadwch eich ffôn wrth law.",
      retry: (more, minutes) => `Os byddwn ni'n eich methu chi, byddwn ni'n trio eto ${more === 1 ? 'unwaith yn rhagor' : `hyd at ${more} gwaith yn rhagor`}, gyda ${minutes} munud rhwng pob galwad.`,
      complaintUnavailable: (phone) => `Mae'n ddrwg gen i, alla i ddim trefnu galwad yn ôl am gŵyn ar hyn o bryd. Gallwch chi ein ffonio ni ar ${phone}.`,
      complaintWithin: (minutes) => `o fewn ${minutes} munud`,
      complaintAfterOpening: (minutes, slot) => `o fewn ${minutes} munud i ni agor (${slot})`,
      complaintBooked: (phone, when, retry) => `Diolch. Bydd aelod o'n tîm yn eich ffonio chi ar ${phone} am eich cwyn ${when}. ${retry}`,
      none: "Does dim galwad yn ôl wedi'i threfnu gyda ni yn y sgwrs hon. Oes unrhyw beth arall galla i eich helpu chi gydag e?",
      calling: "Rydyn ni'n eich ffonio chi amdano ar hyn o bryd, felly alla i ddim ei ganslo. Gallwch chi beidio ag ateb, neu ddweud wrth yr ymgynghorydd nad oes angen yr alwad arnoch chi mwyach.",
      cancelledFor: (slot) => ` ar gyfer ${slot}`,
      cancelled: (when) => `Iawn, rydw i wedi canslo eich galwad yn ôl${when}. Oes unrhyw beth arall galla i eich helpu chi gydag e?`,
    },
  ),

  // A case's status as residents hear it (cases' status names, in the turn's language).
  caseStatus: both<Record<string, string>>(
    {},
    {
      received: "wedi dod i law ac yn aros i rywun edrych arno",
      assigned: "gyda'r tîm a fydd yn delio ag e",
      in_progress: 'ar waith',
      scheduled: "wedi'i drefnu",
      resolved: "wedi'i ddatrys",
      closed: "wedi'i gau",
    },
  ),
} as const;

/** What a duplicate report's reply says about the case it joined. */
export interface DuplicateFacts {
  when: string;
  /** Metres from the other report, rounded to 5; null when it matched by property. */
  metres: number | null;
  /** Within 10 metres: said as "at the same spot". */
  sameSpot: boolean;
  reference: string;
  spaced: string;
  status: string;
}

type Entries = typeof ENTRIES;
/** The assistant's words in one language. */
export type Messages = { [K in keyof Entries]: Entries[K]['en'] };

function project(lang: Language): Messages {
  return Object.fromEntries(Object.entries(ENTRIES).map(([key, entry]) => [key, entry[lang]])) as Messages;
}

const CATALOGUES: Record<Language, Messages> = { en: project('en'), cy: project('cy') };

/** The catalogue in `lang` (English when not given). */
export function messagesIn(lang: Language | null | undefined): Messages {
  return CATALOGUES[lang ?? 'en'] ?? CATALOGUES.en;
}

/** Every key with its two entries, for the test that each has Welsh. */
export function catalogueEntries(): [string, { en: unknown; cy: unknown }][] {
  return Object.entries(ENTRIES);
}
