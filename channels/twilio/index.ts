/** Twilio: request signatures, configuration, the REST client, and the SMS channel (Programmable Messaging). */
export { twilioConfigFromEnv, TwilioConfigError, TWILIO_PRODUCTION_API, type TwilioConfig } from './config.js';
export { verifyTwilioRequest, twilioWebhook, type TwilioWebhookDeps } from './signature.js';
export { TwilioRestClient, TwilioSendError, type SendSmsInput, type SendSmsResult } from './rest-client.js';
export { renderSms, countSegments, toGsmFriendly, isGsm7, answerFromNumber, MAX_SEGMENTS, type SmsRendering, type SmsOption } from './sms-render.js';
export { SMS_OPT_OUT_FLAG, isSmsOptedOut, setSmsOptOut, smsKeyword } from './opt-out.js';
export { createSmsDispatcher, registerSmsJobs, configOf, sweepSmsOutbox, recoverStaleClaim, SMS_SEND_JOB, type SmsChannelDeps, type SmsSendJob } from './sms-sender.js';
export { receiveSms, applyStatusCallback, councilForText, BadTwilioRequest, EMPTY_TWIML, NOT_IN_SERVICE_SMS } from './sms-inbound.js';
export { councilForNumber, numbersOfCouncil, defaultCouncil, type CouncilNumbers } from './numbers.js';
export { smsChannel, twilioSmsRoutes } from './sms-channel.js';
export { voiceChannel, twilioVoiceRoutes, type TwilioVoiceDeps } from './voice/voice-routes.js';
export { twilioCallbackDialler, callbackStatusRoutes, callbackBridgeTwiml, agentDestination, CALLBACK_STATUS_PATH, type CallbackStatusHandler } from './voice/callback-calls.js';
export { AgentVoice, AgentVoiceError, clientIdentity, twilioQueueName, AGENT_VOICE_MOUNT, VOICE_TOKEN_TTL_SECONDS, type AgentVoiceDeps } from './voice/index.js';
export { createClaimCodeSender, CLAIM_CODE_JOB, CLAIM_CODE_SWEEP_JOB, type ClaimCodeDeps } from './claim-codes.js';
export { fetchRecordingMedia, deleteRecording, setCallRecording, type RecordingMedia } from './rest-client.js';
export { recordingAudio, restClientFrom, registerRecordingJobs, recordingControl, storeRecordingCallback, RECORDING_DELETE_JOB, RECORDING_SWEEP_JOB, type RecordingControl } from './voice/recordings.js';
