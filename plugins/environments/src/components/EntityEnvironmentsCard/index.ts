export { EntityEnvironmentsCard } from './EntityEnvironmentsCard';
export type { EntityEnvironmentsCardProps } from './EntityEnvironmentsCard';
