export { PromoteDialog } from './PromoteDialog';
export type { PromoteDialogProps } from './PromoteDialog';
export { PromoteButton } from './PromoteButton';
export { GateList } from './GateList';
export { CommitList } from './CommitList';
