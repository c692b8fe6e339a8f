import { CloudFormationTemplate } from './parseTemplate';

type Json = unknown;

/** Logical ids a value refers to through `Ref`, `Fn::GetAtt` and `Fn::Sub` variables. */
function referencedIds(value: Json, into: Set<string>): void {
  const stack: Json[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (Array.isArray(item)) {
      stack.push(...item);
      continue;
    }
    if (typeof item !== 'object' || item === null) continue;
    for (const [key, inner] of Object.entries(item)) {
      if (key === 'Ref' && typeof inner === 'string') into.add(inner);
      else if (key === 'Fn::GetAtt') {
        const target = Array.isArray(inner) ? inner[0] : String(inner);
        into.add(String(target).split('.')[0]);
      } else if (key === 'Fn::Sub') {
        const text = Array.isArray(inner) ? inner[0] : inner;
        if (typeof text === 'string') {
          for (const match of text.matchAll(/\$\{([^}!.][^}.]*)/g)) {
            into.add(match[1]);
          }
        }
      }
      stack.push(inner);
    }
  }
}

/** The resources each resource depends on (references and `DependsOn`), within the template. */
function dependencyGraph(
  template: CloudFormationTemplate,
): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const [id, resource] of Object.entries(template.Resources)) {
    const ids = new Set<string>();
    referencedIds(resource.Properties, ids);
    const dependsOn = (resource as { DependsOn?: unknown }).DependsOn;
    for (const name of Array.isArray(dependsOn) ? dependsOn : [dependsOn]) {
      if (typeof name === 'string') ids.add(name);
    }
    graph.set(
      id,
      [...ids].filter(other => template.Resources[other] !== undefined),
    );
  }
  return graph;
}

/**
 * Circular dependencies between resources (CloudFormation rejects them), each as the chain of
 * logical ids from a resource back to itself, e.g. `['A', 'B', 'A']`. Iterative depth-first
 * search, so a long chain cannot overflow the stack.
 *
 * @internal
 */
export function dependencyCycles(template: CloudFormationTemplate): string[][] {
  const graph = dependencyGraph(template);
  const state = new Map<string, 'open' | 'done'>();
  const cycles: string[][] = [];
  for (const start of graph.keys()) {
    if (state.has(start)) continue;
    const path: string[] = [];
    const stack: Array<{ id: string; next: number }> = [{ id: start, next: 0 }];
    state.set(start, 'open');
    path.push(start);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const edges = graph.get(top.id)!;
      if (top.next >= edges.length) {
        state.set(top.id, 'done');
        stack.pop();
        path.pop();
        continue;
      }
      const target = edges[top.next++];
      const seen = state.get(target);
      if (seen === 'open') {
        cycles.push([...path.slice(path.indexOf(target)), target]);
      } else if (seen === undefined) {
        state.set(target, 'open');
        stack.push({ id: target, next: 0 });
        path.push(target);
      }
    }
  }
  return cycles;
}
