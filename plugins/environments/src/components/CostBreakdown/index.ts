export { CostBreakdown } from './CostBreakdown';
export { CostLinesChart } from './CostLinesChart';
