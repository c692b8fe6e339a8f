import {
  DocumentNode,
  FragmentDefinitionNode,
  getArgumentValues,
  getNamedType,
  GraphQLCompositeType,
  GraphQLSchema,
  isInterfaceType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';

/** Most `first` / `last` a connection accepts, and most nodes one call may ask for. */
const MAX_PER_CONNECTION = 100;
const MAX_NODES = 500_000;

/** A query GitHub refuses before running it, with GitHub's error `type`. */
export class QueryLimitError extends Error {
  constructor(
    readonly type:
      | 'MISSING_PAGINATION_BOUNDARIES'
      | 'EXCESSIVE_PAGINATION'
      | 'MAX_NODE_LIMIT_EXCEEDED',
    message: string,
  ) {
    super(message);
  }
}

/** What a query costs, computed before it runs. */
export interface QueryCost {
  /** Requests needed to fulfil every connection, each assumed to reach its `first` / `last`. */
  requests: number;
  /** Rate-limit points: `requests / 100` rounded, at least 1. */
  cost: number;
  /** Nodes the query may return (GitHub refuses more than 500,000). */
  nodeCount: number;
}

/**
 * The rate-limit score of a GraphQL call as GitHub computes it
 * (https://docs.github.com/graphql/overview/rate-limits-and-query-limits-for-the-graphql-api#calculating-a-rate-limit-score):
 * add up the requests needed to fulfil each connection, assuming every one reaches its `first`
 * or `last` — a connection nested in another costs one request per node of its parent — then
 * divide by 100 and round, with a minimum of 1. The node limit of the same page applies too:
 * every connection needs `first` or `last` between 1 and 100, and a call may ask for at most
 * 500,000 nodes. Throws {@link QueryLimitError} for a call GitHub would refuse.
 */
export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
  operationName?: string,
): QueryCost {
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    } else if (definition.kind === Kind.OPERATION_DEFINITION) {
      operations.push(definition);
    }
  }
  const operation = operationName
    ? operations.find(o => o.name?.value === operationName)
    : operations[0];
  const totals = { requests: 0, nodeCount: 0 };
  const root = schema.getQueryType();
  if (operation && root) {
    walk(operation.selectionSet, root, 1);
  }
  if (totals.nodeCount > MAX_NODES) {
    throw new QueryLimitError(
      'MAX_NODE_LIMIT_EXCEEDED',
      `This query requests up to ${totals.nodeCount.toLocaleString(
        'en-US',
      )} possible nodes which exceeds the maximum limit of ${MAX_NODES.toLocaleString(
        'en-US',
      )}.`,
    );
  }
  return {
    ...totals,
    cost: Math.max(1, Math.round(totals.requests / 100)),
  };

  function walk(
    selectionSet: SelectionSetNode,
    type: GraphQLCompositeType,
    multiplier: number,
  ): void {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition
          ? (schema.getType(selection.typeCondition.name.value) as
              | GraphQLCompositeType
              | undefined)
          : type;
        if (condition) walk(selection.selectionSet, condition, multiplier);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        const condition =
          fragment &&
          (schema.getType(fragment.typeCondition.name.value) as
            | GraphQLCompositeType
            | undefined);
        if (fragment && condition) {
          walk(fragment.selectionSet, condition, multiplier);
        }
        continue;
      }
      if (!isObjectType(type) && !isInterfaceType(type)) continue;
      const field = type.getFields()[selection.name.value];
      if (!field || !selection.selectionSet) continue;
      const named = getNamedType(field.type) as GraphQLCompositeType;
      let childMultiplier = multiplier;
      if (named.name.endsWith('Connection')) {
        const args = getArgumentValues(field, selection, variables) as {
          first?: number;
          last?: number;
        };
        const limit = args.first ?? args.last;
        const which = args.first !== undefined ? 'first' : 'last';
        if (limit === undefined || limit === null) {
          throw new QueryLimitError(
            'MISSING_PAGINATION_BOUNDARIES',
            `You must provide a \`first\` or \`last\` value to properly paginate the \`${field.name}\` connection.`,
          );
        }
        if (limit < 1 || limit > MAX_PER_CONNECTION) {
          throw new QueryLimitError(
            'EXCESSIVE_PAGINATION',
            `Requesting ${limit} records on the \`${field.name}\` connection exceeds the \`${which}\` limit of ${MAX_PER_CONNECTION} records.`,
          );
        }
        totals.requests += multiplier;
        totals.nodeCount += multiplier * limit;
        childMultiplier = multiplier * limit;
      }
      walk(selection.selectionSet, named, childMultiplier);
    }
  }
}
