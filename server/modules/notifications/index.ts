/**
 * Notifications module: in-app notifications per unit, units' e-mail and robot-webhook channels,
 * and the delivery outbox that sends each notification once.
 */
export {
  notifyUnit, listNotifications, markNotificationRead, getChannels, setChannels, deliverPending, setChannelAvailability,
  MAX_ATTEMPTS, type NotifyInput,
} from './notifications.service.ts';
export { smtpTransport, postWebhook, signedWebhookUrl, type Transports, type OutgoingMessage } from './transports.ts';
export { deliveryCounts } from './notifications.repository.ts';
export { notificationsRoutes } from './notifications.routes.ts';
