export { ReminderBanner } from './reminders/ReminderBanner.js';
export { ToolkitScreen, type ToolkitSection } from './ToolkitScreen.js';
