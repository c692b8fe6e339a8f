export { DriftBadge } from './DriftBadge';
export { DriftDetails } from './DriftDetails';
