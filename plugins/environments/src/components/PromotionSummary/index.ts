export { PromotionSummary } from './PromotionSummary';
