/**
 * Back-office integration (issue 13): the push of every case event to councils' webhooks (signed
 * CloudEvents in JSON or XML, at least once, in order per case, failures visible and redeliverable)
 * and the case's JSON representation both it and the pull API (backoffice/api/) use.
 */
export { caseJson, dateOnly, type CaseJson, type CaseJsonOptions, type CaseHistoryLine, type CaseContactDetails } from './case-json.js';
export {
  BackofficePush,
  BACKOFFICE_DELIVER_JOB,
  BACKOFFICE_SWEEP_JOB,
  DEFAULT_PUSH_SETTINGS,
  EVENT_CONSUMER,
  backoffMs,
  pushSettingsFromEnv,
  webhookTakesService,
  type PushDeps,
  type PushSettings,
} from './push.js';
export { caseCloudEvent, renderJson, renderXml, CONTENT_TYPES, EVENT_TYPE_PREFIX, CASE_EVENT_XML_NAMESPACE, CLOUDEVENTS_XML_NAMESPACE, type CaseCloudEvent } from './cloudevents.js';
export { newWebhookSecret, signWebhook, verifyWebhook, webhookHeaders, WebhookVerificationError, DEFAULT_TOLERANCE_SECONDS } from './signing.js';
export {
  addWebhook,
  checkWebhookUrl,
  disableWebhook,
  enableWebhook,
  listWebhooks,
  redeliverCase,
  redeliverDelivery,
  WebhookInputError,
  type CaseRedelivery,
  type NewWebhook,
  type Requester,
} from './webhooks.js';
export { backofficeMetrics } from './metrics.js';
// The pull API (/backoffice/v1), built beside the push: everything its index exports.
export * from './api/index.js';
