import { COMMERCIAL_REGIONS } from '../prices/regions';
import { parseTemplate } from '../template/parseTemplate';

const REGION_IN_TEXT =
  /(?:arn:aws[a-z-]*:[a-z0-9-]+:|\.)([a-z]{2}-[a-z]+-\d)(?::|\.amazonaws\.com)/g;

/** Commercial regions named in the template's ARNs (`arn:aws:svc:REGION:`) and endpoints (`.REGION.amazonaws.com`). */
function regionsNamedIn(template: unknown): Set<string> {
  const found = new Set<string>();
  const stack: unknown[] = [template];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') {
      for (const match of value.matchAll(REGION_IN_TEXT)) {
        if ((COMMERCIAL_REGIONS as readonly string[]).includes(match[1]))
          found.add(match[1]);
      }
    } else if (typeof value === 'object' && value !== null) {
      stack.push(...Object.values(value));
    }
  }
  return found;
}

/**
 * The region to price when `--region` is not given: `AWS_REGION`, then `AWS_DEFAULT_REGION`,
 * then the one region the template's ARNs and endpoints name, with where it came from.
 *
 * @returns undefined when none is known (or the template names several)
 * @internal
 */
export function defaultRegion(
  env: Readonly<Record<string, string | undefined>>,
  templateText: string,
): { region: string; from: string } | undefined {
  for (const name of ['AWS_REGION', 'AWS_DEFAULT_REGION']) {
    if (env[name]) return { region: env[name]!, from: name };
  }
  let named: Set<string>;
  try {
    named = regionsNamedIn(parseTemplate(templateText));
  } catch {
    return undefined;
  }
  return named.size === 1
    ? { region: [...named][0], from: "the template's ARNs and endpoints" }
    : undefined;
}
