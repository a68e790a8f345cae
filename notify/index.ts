export { loadNotifyConfig, parseNotifyApiKey, NotifyConfigError, NOTIFY_PRODUCTION_URL, type NotifyConfig } from './config.js';
export {
  NotifySender,
  LogOnlySender,
  NotifySendError,
  createReferralSender,
  toNotifySendError,
  type ReferralSender,
  type ReferralMessage,
  type SendResult,
  type SenderLog,
  type NotifySenderOptions,
} from './sender.js';
