/**
 * Bounds on what the estimator reads, so a hostile template (it also runs inside the backend)
 * fails fast with a clear message instead of hanging or exhausting memory.
 *
 * @public
 */
export const TEMPLATE_LIMITS = {
  /** Characters of template text: 5 MB, well above CloudFormation's own 1 MB (S3) limit. */
  maxChars: 5_000_000,
  /** Nesting depth of objects and lists. */
  maxDepth: 100,
  /** Values in the template once YAML aliases are expanded. */
  maxValues: 2_000_000,
  /** YAML alias expansions (the `yaml` library's `maxAliasCount`). */
  maxAliasCount: 1_000,
} as const;

/**
 * Thrown when a template is over one of {@link TEMPLATE_LIMITS} or is circular.
 *
 * @public
 */
export class TemplateLimitError extends Error {}

function pathText(path: readonly string[]): string {
  return path.length === 0 ? 'the template' : path.join('.');
}

function tooLarge(): TemplateLimitError {
  return new TemplateLimitError(
    `Template too large: more than ${TEMPLATE_LIMITS.maxValues.toLocaleString(
      'en-US',
    )} values once YAML aliases are expanded`,
  );
}

type Frame =
  | { enter: unknown; path: string[] }
  | { leave: object; path?: undefined };

/**
 * Walks a parsed template without recursion and throws {@link TemplateLimitError} when it is
 * nested too deeply, has too many values once aliases are expanded, or contains itself (a YAML
 * alias of an enclosing node, or a circular object).
 *
 * @internal
 */
export function checkTemplateShape(template: unknown): void {
  const stack: Frame[] = [{ enter: template, path: [] }];
  const ancestors = new Set<object>();
  let values = 0;
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if ('leave' in frame) {
      ancestors.delete(frame.leave);
      continue;
    }
    const { enter: value, path } = frame;
    if (++values > TEMPLATE_LIMITS.maxValues) throw tooLarge();
    if (typeof value !== 'object' || value === null) continue;
    if (ancestors.has(value)) {
      throw new TemplateLimitError(
        `Template is circular: ${pathText(path)} contains itself`,
      );
    }
    if (path.length >= TEMPLATE_LIMITS.maxDepth) {
      throw new TemplateLimitError(
        `Template nested too deeply: more than ${
          TEMPLATE_LIMITS.maxDepth
        } levels at ${pathText(path.slice(0, 6))}...`,
      );
    }
    ancestors.add(value);
    stack.push({ leave: value });
    const entries = Array.isArray(value)
      ? value.map((item, index) => [String(index), item] as const)
      : Object.entries(value);
    for (const [key, item] of entries) {
      stack.push({ enter: item, path: [...path, key] });
    }
  }
}
