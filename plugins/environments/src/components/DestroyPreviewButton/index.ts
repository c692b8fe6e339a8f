export { DestroyPreviewButton } from './DestroyPreviewButton';
export type { DestroyPreviewButtonProps } from './DestroyPreviewButton';
