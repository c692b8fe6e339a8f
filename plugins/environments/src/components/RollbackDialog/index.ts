export { RollbackButton } from './RollbackButton';
export type { RollbackButtonProps } from './RollbackButton';
export { RollbackDialog } from './RollbackDialog';
export type { RollbackDialogProps } from './RollbackDialog';
