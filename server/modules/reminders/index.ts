/**
 * Reminders module: automatic and manual 催办, exactly once across processes.
 */
export {
  scanReminders, createManualReminders, listReminders, getReminderSettings, setReminderSettings, DEFAULT_REMINDER_SETTINGS,
  registerReminderSource, type ReminderSettings, type ReminderCandidate, type ReminderScanContext, type ReminderSource,
} from './reminders.service.ts';
export { remindersRoutes } from './reminders.routes.ts';
