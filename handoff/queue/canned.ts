import { addCannedResponsesOnce, cannedResponses, type Db } from '../../store/index.js';

export interface CannedResponse {
  id: string;
  title: string;
  body: string;
}

/** Placeholders the console fills in: {resident_name}, {agent_name}, {council}, {reference}. */
export const DEMO_CANNED_RESPONSES: { key: string; title: string; body: string }[] = [
  {
    key: 'greeting',
    title: 'Introduce yourself',
    body: "Hello {resident_name}, I'm {agent_name} from {council}. I've read your conversation with our assistant, so you don't need to repeat anything. How can I help?",
  },
  {
    key: 'checking',
    title: 'Checking for you',
    body: "Thanks for waiting, {resident_name}. I'm just checking that for you now and will be back with you in a moment.",
  },
  {
    key: 'case-logged',
    title: 'Case logged',
    body: "I've logged this for you. Your reference is {reference}. Please keep it: you can use it to ask about progress at any time.",
  },
  {
    key: 'still-there',
    title: 'Are you still there?',
    body: "Are you still there, {resident_name}? If I don't hear back in the next few minutes I'll close this chat, but you can message {council} again at any time.",
  },
  {
    key: 'closing',
    title: 'Anything else?',
    body: 'Thank you for contacting {council}. Is there anything else I can help you with today?',
  },
];

/**
 * The tenant's canned responses, returned raw (the console fills the placeholders). A tenant
 * with none gets the demo set on first read; fixed ids make two first reads seed it once.
 */
export async function listCannedResponses(db: Db, tenant: string): Promise<CannedResponse[]> {
  let rows = await cannedResponses(db, tenant);
  if (!rows.length) {
    await addCannedResponsesOnce(db, tenant, DEMO_CANNED_RESPONSES.map((r) => ({ id: `${tenant}:${r.key}`, title: r.title, body: r.body })));
    rows = await cannedResponses(db, tenant);
  }
  return rows;
}
