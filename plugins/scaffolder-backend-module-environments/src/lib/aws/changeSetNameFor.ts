/**
 * A change set name (and client request token) unique to a task, so a retried task finds the
 * change set it created before: `stageline-deploy-<task id>`.
 */
export function changeSetNameFor(kind: string, taskId: string): string {
  return `stageline-${kind}-${taskId}`
    .replace(/[^A-Za-z0-9-]/g, '-')
    .slice(0, 128);
}
