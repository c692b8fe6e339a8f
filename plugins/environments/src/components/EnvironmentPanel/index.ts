export { EnvironmentPanel } from './EnvironmentPanel';
export type { EnvironmentPanelProps } from './EnvironmentPanel';
