export { EnvironmentsPage } from './EnvironmentsPage';
export { EnvironmentsOverview } from './EnvironmentsOverview';
