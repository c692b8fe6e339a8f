import { useState } from 'react';
import Button from '@material-ui/core/Button';
import { usePermission } from '@backstage/plugin-permission-react';
import { environmentsDeployPermission } from '@stageline/plugin-environments-common';
import { RollbackDialog } from './RollbackDialog';

/** Props of {@link RollbackButton}. */
export interface RollbackButtonProps {
  environmentRef: string;
  /** @defaultValue `template:default/rollback-environment` */
  templateRef?: string;
  /** Where the scaffolder shows a task. @defaultValue `/create/tasks` */
  taskPath?: string;
}

/**
 * The Rollback button of an environment, shown only to users allowed to deploy it
 * (`environments.deploy` on the Environment, as `environment:rollback` checks again).
 */
export function RollbackButton(props: RollbackButtonProps) {
  const { environmentRef } = props;
  const { allowed } = usePermission({
    permission: environmentsDeployPermission,
    resourceRef: environmentRef,
  });
  const [open, setOpen] = useState(false);
  if (!allowed) return null;
  return (
    <>
      <Button
        size="small"
        variant="outlined"
        color="secondary"
        onClick={() => setOpen(true)}
      >
        Roll back
      </Button>
      {open ? (
        <RollbackDialog
          environmentRef={environmentRef}
          open={open}
          onClose={() => setOpen(false)}
          templateRef={
            props.templateRef ?? 'template:default/rollback-environment'
          }
          taskPath={props.taskPath ?? '/create/tasks'}
        />
      ) : null}
    </>
  );
}
