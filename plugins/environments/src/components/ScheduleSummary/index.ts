export { ScheduleSummary } from './ScheduleSummary';
export type { ScheduleSummaryProps } from './ScheduleSummary';
