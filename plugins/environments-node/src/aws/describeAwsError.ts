import { redactSecrets } from '../providers/sections';

/**
 * An error saying what failed against AWS and, for the common causes, what to do about it.
 * `what` names the operation, e.g. `creating change set for MacroAiStagingStack`.
 *
 * @public
 */
export function describeAwsError(
  error: unknown,
  what: string,
  target: { accountId?: string; region: string },
): Error {
  const name = (error as Error)?.name ?? 'Error';
  const message = redactSecrets((error as Error)?.message ?? String(error));
  const account = target.accountId
    ? `account ${target.accountId}`
    : 'the main account';
  let hint = '';
  if (
    name === 'CredentialsProviderError' ||
    /could not load credentials/i.test(message)
  ) {
    hint = `; check the credentials for ${account} under aws.accounts (or aws.mainAccount) in app-config`;
  } else if (/not authorized|AccessDenied/i.test(`${name} ${message}`)) {
    hint = `; the role used for ${account} needs CloudFormation permissions in ${target.region}`;
  } else if (/ExpiredToken|InvalidClientTokenId/i.test(`${name} ${message}`)) {
    hint = `; the credentials for ${account} are expired or invalid`;
  }
  const described = new Error(
    `AWS failed ${what} (${name}: ${message})${hint}`,
  );
  described.name = name === 'Error' ? 'AwsError' : name;
  return described;
}

/** Whether an error came from the AWS SDK (a service exception or a credentials failure). */
function isAwsSdkError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    ('$metadata' in error ||
      (error as Error).name === 'CredentialsProviderError')
  );
}

/**
 * Runs `fn`, turning AWS SDK errors into {@link describeAwsError} errors; other errors (the
 * actions' own) pass through unchanged.
 *
 * @public
 */
export async function withAwsErrors<T>(
  what: string,
  target: { accountId?: string; region: string },
  fn: () => Promise<T>,
): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw isAwsSdkError(error) ? describeAwsError(error, what, target) : error;
  }
}
