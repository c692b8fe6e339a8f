import { UsageError } from './parseArgs';

function fromJson(text: string, path: string): Record<string, string> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      '--parameters',
      `Invalid --parameters file ${path}: ${(error as Error).message}`,
    );
  }
  if (Array.isArray(data)) {
    return Object.fromEntries(
      data.map((item, index) => {
        const entry = item as {
          ParameterKey?: unknown;
          ParameterValue?: unknown;
        };
        if (
          typeof entry?.ParameterKey !== 'string' ||
          entry.ParameterValue === undefined
        ) {
          throw new UsageError(
            '--parameters',
            `Invalid --parameters file ${path}: item ${index} needs ParameterKey and ParameterValue`,
          );
        }
        return [entry.ParameterKey, String(entry.ParameterValue)];
      }),
    );
  }
  if (typeof data === 'object' && data !== null) {
    return Object.fromEntries(
      Object.entries(data).map(([key, value]) => [key, String(value)]),
    );
  }
  throw new UsageError(
    '--parameters',
    `Invalid --parameters file ${path}: expected [{"ParameterKey": ..., "ParameterValue": ...}] or {"Key": "Value"}`,
  );
}

/**
 * `--parameters Key=Value,Key2=Value2`, or a JSON file (`.json`) in the CloudFormation CLI's
 * form (`[{"ParameterKey": "K", "ParameterValue": "V"}]`) or as `{"K": "V"}`.
 *
 * @throws UsageError naming `--parameters` and what was expected
 * @internal
 */
export function readParameters(
  value: string,
  readFile: (path: string) => string,
): Record<string, string> {
  if (/\.json$/i.test(value)) return fromJson(readFile(value), value);
  const parameters: Record<string, string> = {};
  let last: string | undefined;
  for (const pair of value.split(',')) {
    const equals = pair.indexOf('=');
    if (equals < 0 && last !== undefined) {
      // A list value: `Zones=a,b,c` keeps `b` and `c` in Zones.
      parameters[last] += `,${pair}`;
      continue;
    }
    const key = pair.slice(0, equals).trim();
    if (equals <= 0 || key === '') {
      throw new UsageError(
        '--parameters',
        `Invalid --parameters ${JSON.stringify(pair)}: expected Key=Value`,
      );
    }
    parameters[key] = pair.slice(equals + 1);
    last = key;
  }
  return parameters;
}
