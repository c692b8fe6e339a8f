import { useState } from 'react';
import Button from '@material-ui/core/Button';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  environmentsPromotePermission,
  type EnvironmentStatus,
  type PromotionRecord,
} from '@stageline/plugin-environments-common';
import { PromoteDialog } from './PromoteDialog';

/** Props of {@link PromoteButton}. */
export interface PromoteButtonProps {
  /** The environment to promote from. */
  source: EnvironmentStatus;
  /** Display name of the target environment. */
  targetTitle: string;
  onPromoted?: (record: PromotionRecord) => void;
}

function PermittedPromoteButton(
  props: PromoteButtonProps & { target: string },
) {
  const { source, target, targetTitle, onPromoted } = props;
  const { allowed } = usePermission({
    permission: environmentsPromotePermission,
    resourceRef: target,
  });
  const [open, setOpen] = useState(false);
  if (!allowed) return null;
  return (
    <>
      <Button
        size="small"
        variant="outlined"
        color="primary"
        onClick={() => setOpen(true)}
      >
        Promote to {targetTitle}
      </Button>
      {open ? (
        <PromoteDialog
          source={source}
          targetTitle={targetTitle}
          open={open}
          onClose={() => setOpen(false)}
          onPromoted={onPromoted}
        />
      ) : null}
    </>
  );
}

/**
 * The Promote button of an environment that has a `promotesTo`, shown only to users allowed to
 * promote into the target (`environments.promote` on the target entity).
 */
export function PromoteButton(props: PromoteButtonProps) {
  const target = props.source.promotesTo ?? props.source.promotion.target;
  if (!target) return null;
  return <PermittedPromoteButton {...props} target={target} />;
}
