/** The telephone channel: Twilio Voice webhooks answered with TwiML. */
export { VoiceChannel, twilioQueueName, CONFIRM_BELOW, type VoiceChannelDeps, type VoiceSms, type TwilioParams, type VoiceUrls } from './voice-channel.js';
export { renderReplies, speakableText, spellOut, toSegments, plainSpeech, isUkMobile, MAIN_MENU, SEND_LINK, type VoicePrompt, type Segment, type KeyOption } from './speakable.js';
export { parseXml, spokenText, findAll, type XmlElement } from './xml.js';
export { createVoiceSms, VOICE_SMS_JOB } from './voice-sms.js';
export { AgentVoice, AgentVoiceError, agentVoiceSettings, clientIdentity, AGENT_VOICE_MOUNT, VOICE_TOKEN_TTL_SECONDS, AGENT_RING_SECONDS, type AgentVoiceDeps, type BridgeInput } from './agent-voice.js';
export { wantsCardPayment } from './payment-line.js';
