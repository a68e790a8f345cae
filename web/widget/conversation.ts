import { ApiError, type ChatApi } from './api-client.js';
import type { Language } from './i18n.js';
import type { SessionStore } from './session-store.js';
import type { OutboundMessage, Session, Transcript, UploadFileResponse } from './types.js';

/**
 * The resident's conversation with the API: resumes the stored one, or starts a new one
 * when there is none or the server no longer knows it (expired, erased, token rotated).
 */
export class Conversation {
  private session: Session | null = null;

  constructor(
    private readonly api: ChatApi,
    private readonly store: SessionStore,
    /**
     * The interface language, the resident's explicit choice (sent with each message), and the
     * language to ask the greeting in: only a choice (the switch's, or the page's `data-language`);
     * null lets a council offering both greet in both.
     */
    private readonly language: () => { ui: Language; chosen: Language | null; greeting: Language | null } = () => ({ ui: 'en', chosen: null, greeting: null }),
  ) {}

  /** The conversation in use, once there is one (for the live-updates connection). */
  get current(): Session | null {
    return this.session;
  }

  /** The transcript of the stored conversation, or of a new one. */
  async resume(): Promise<Transcript> {
    const stored = this.store.load();
    if (stored) {
      try {
        const transcript = await this.api.transcript(stored);
        this.session = stored;
        return transcript;
      } catch (err) {
        if (!(err instanceof ApiError && err.conversationGone)) throw err;
        this.store.clear();
      }
    }
    return this.start();
  }

  /** "Start a new chat": forgets the stored conversation and starts another. */
  startNew(): Promise<Transcript> {
    this.store.clear();
    this.session = null;
    return this.start();
  }

  /** Re-reads the transcript (for replies from an adviser, which arrive between turns). */
  transcript(): Promise<Transcript> {
    if (!this.session) return this.resume();
    return this.api.transcript(this.session);
  }

  async send(text: string, id: string): Promise<OutboundMessage[]> {
    const session = this.session ?? (await this.start(), this.session!);
    try {
      return await this.api.send(session, text, id, this.language().chosen ?? undefined);
    } catch (err) {
      if (!(err instanceof ApiError && err.conversationGone)) throw err;
      // The server forgot us between turns: carry the message over to a new conversation.
      this.store.clear();
      await this.start();
      return this.api.send(this.session!, text, id, this.language().chosen ?? undefined);
    }
  }

  /** Sends a photo or file into the conversation (a new one if the server forgot ours). */
  async upload(file: Blob, name: string): Promise<UploadFileResponse> {
    const session = this.session ?? (await this.start(), this.session!);
    try {
      return await this.api.upload(session, file, name);
    } catch (err) {
      if (!(err instanceof ApiError && err.conversationGone)) throw err;
      this.store.clear();
      await this.start();
      return this.api.upload(this.session!, file, name);
    }
  }

  private async start(): Promise<Transcript> {
    const session = await this.api.createConversation(this.language().greeting ?? undefined);
    this.session = session;
    this.store.save(session);
    return this.api.transcript(session);
  }
}
