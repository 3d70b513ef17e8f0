/**
 * Reminders module: automatic and manual 催办, exactly once across processes.
 */
export {
  scanReminders, createManualReminders, listReminders, getReminderSettings, setReminderSettings, DEFAULT_REMINDER_SETTINGS,
  type ReminderSettings,
} from './reminders.service.ts';
export { remindersRoutes } from './reminders.routes.ts';
