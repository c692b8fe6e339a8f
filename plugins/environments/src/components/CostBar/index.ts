export { CostBar, budgetColor } from './CostBar';
