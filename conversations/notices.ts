/**
 * What a resident is told when an agent acts on their conversation (accept, transfer, hand back,
 * close): the wording in one place, true to what happened and channel-neutral (the same words go
 * to web chat and by SMS). `transition` (lifecycle.ts) stores the notice as a system outbound
 * message in the change's own transaction, so it commits with the state change or not at all;
 * the caller delivers it after commit (realtime refresh for web chat, dispatchOutbound for SMS),
 * and the SMS outbox sweep sends it if that first attempt is lost.
 *
 * Each notice is in the conversation's language (issue 17: `conversations.language`, passed by the
 * caller as `noticeLanguage(conversation)`), English and Welsh side by side below; a missing
 * Welsh wording fails to compile.
 */
export type NoticeKind = 'agent_joined' | 'transferred' | 'handed_back' | 'closed';

/** The languages notices are written in (bot/messages.ts `Language`; this folder uses only store/). */
export type NoticeLanguage = 'en' | 'cy';

export interface Notice {
  kind: NoticeKind;
  text: string;
  /** The language the text is written in. */
  language?: NoticeLanguage;
}

interface NoticeWords {
  joined: (name: string, team: string) => string;
  toColleague: (name: string) => string;
  toTeam: (team: string) => string;
  handedBack: (name: string) => string;
  closed: (name: string) => string;
}

const WORDS: Record<NoticeLanguage, NoticeWords> = {
  en: {
    joined: (name, team) => `${name} from ${team} has joined the conversation.`,
    toColleague: (name) => `I'm passing you to my colleague ${name}. Please stay here; they'll reply soon.`,
    toTeam: (team) => `I'm passing you to a colleague in ${team}. Please stay here; they'll reply soon.`,
    handedBack: (name) => `${name} has handed you back to the assistant; I'm here if you need anything else.`,
    closed: (name) => `${name} has closed this conversation. If you need us again, just send a message and the assistant will start afresh.`,
  },
  cy: {
    joined: (name, team) => `Mae ${name} o ${team} wedi ymuno â'r sgwrs.`,
    toColleague: (name) => `Rydw i'n eich trosglwyddo chi i'm cydweithiwr ${name}. Arhoswch yma; byddan nhw'n ateb cyn bo hir.`,
    toTeam: (team) => `Rydw i'n eich trosglwyddo chi i gydweithiwr yn ${team}. Arhoswch yma; byddan nhw'n ateb cyn bo hir.`,
    handedBack: (name) => `Mae ${name} wedi eich trosglwyddo chi'n ôl i'r cynorthwyydd; rydw i yma os oes angen unrhyw beth arall arnoch chi.`,
    closed: (name) => `Mae ${name} wedi cau'r sgwrs hon. Os bydd angen help arnoch chi eto, anfonwch neges a bydd y cynorthwyydd yn dechrau o'r newydd.`,
  },
};

/** A conversation's language for its notices: Welsh when the conversation is held in Welsh, else English. */
export function noticeLanguage(conversation: { language?: string | null }): NoticeLanguage {
  return conversation.language === 'cy' ? 'cy' : 'en';
}

function words(language: NoticeLanguage | undefined): NoticeWords {
  return WORDS[language ?? 'en'] ?? WORDS.en;
}

/** Only a Welsh notice says so; an English one stays as it always was. */
function tagged(language: NoticeLanguage | undefined): { language?: NoticeLanguage } {
  return language === 'cy' ? { language } : {};
}

/** Residents see an agent's first name only. */
function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] || name;
}

/** An agent took the conversation: who, and from which team. */
export function agentJoinedNotice(agentName: string, teamName: string, language?: NoticeLanguage): Notice {
  return { kind: 'agent_joined', text: words(language).joined(firstName(agentName), teamName), ...tagged(language) };
}

/** Passed on to a named colleague or to a team's queue: nobody holds it until they accept. */
export function transferredNotice(to: { agentName: string } | { teamName: string }, language?: NoticeLanguage): Notice {
  const w = words(language);
  const text = 'agentName' in to ? w.toColleague(firstName(to.agentName)) : w.toTeam(to.teamName);
  return { kind: 'transferred', text, ...tagged(language) };
}

/** The agent's part is over and the assistant answers again (its dialogue starts afresh). */
export function handedBackNotice(agentName: string, language?: NoticeLanguage): Notice {
  return { kind: 'handed_back', text: words(language).handedBack(firstName(agentName)), ...tagged(language) };
}

/**
 * The conversation is closed. What it offers is what happens: a later message starts afresh with
 * the assistant (a new conversation by SMS, a reset dialogue in web chat). No call-back is promised.
 */
export function closedNotice(agentName: string, language?: NoticeLanguage): Notice {
  return { kind: 'closed', text: words(language).closed(firstName(agentName)), ...tagged(language) };
}
