export { HealthStatus, HealthLabel } from './HealthStatus';
