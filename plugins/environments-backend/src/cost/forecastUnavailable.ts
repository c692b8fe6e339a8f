import { redactSecrets } from '@stageline/plugin-environments-node';

/** Why Cost Explorer gave no forecast: too little history yet, or an error to act on. */
export interface ForecastUnavailable {
  kind: 'no-data' | 'error';
  message: string;
}

/**
 * Tells apart the ways `GetCostForecast` fails
 * (https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_GetCostForecast.html#API_GetCostForecast_Errors):
 * `DataUnavailableException` means Cost Explorer has too little history to forecast (nothing
 * is wrong); access denied, throttling (`LimitExceededException`), a rejected period
 * (`ValidationException`) and anything else are errors, named with AWS's message.
 */
export function forecastUnavailable(
  error: unknown,
  period: { start: string; end: string },
): ForecastUnavailable {
  const name = (error as { name?: string }).name ?? 'Error';
  const detail = redactSecrets(
    error instanceof Error ? error.message : String(error),
  );
  switch (name) {
    case 'DataUnavailableException':
      return {
        kind: 'no-data',
        message:
          'no forecast yet: Cost Explorer has too little cost history for this stack to forecast',
      };
    case 'AccessDeniedException':
      return {
        kind: 'error',
        message: `Cost Explorer refused the forecast (${name}: ${detail}); allow ce:GetCostForecast for the role Stageline uses in this account`,
      };
    case 'LimitExceededException':
      return {
        kind: 'error',
        message: `Cost Explorer throttled the forecast (${name}: ${detail}); it is read again within minutes`,
      };
    case 'ValidationException':
      return {
        kind: 'error',
        message: `Cost Explorer rejected the forecast period ${period.start} to ${period.end} (${name}: ${detail})`,
      };
    default:
      return {
        kind: 'error',
        message: `Could not read the forecast from Cost Explorer (${name}: ${detail})`,
      };
  }
}
