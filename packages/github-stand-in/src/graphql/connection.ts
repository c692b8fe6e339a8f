/** Arguments of a GraphQL connection (https://relay.dev/graphql/connections.htm). */
export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

const cursorOf = (index: number) =>
  Buffer.from(`cursor:v2:${index}`).toString('base64');
const indexOf = (cursor: string) =>
  Number(Buffer.from(cursor, 'base64').toString().split(':').pop());

/**
 * A slice of `items` as GitHub's connections give it: `after` / `before` cursors narrow the
 * list, then `first` takes from its start or `last` from its end; `totalCount` counts the whole
 * list and `pageInfo` says whether there is more on either side; `edges` pair each node with
 * its cursor.
 */
export function connection<T>(items: T[], args: ConnectionArgs) {
  let start = args.after ? indexOf(args.after) + 1 : 0;
  let end = args.before ? indexOf(args.before) : items.length;
  if (args.first !== undefined && args.first !== null) {
    end = Math.min(end, start + args.first);
  }
  if (args.last !== undefined && args.last !== null) {
    start = Math.max(start, end - args.last);
  }
  const nodes = items.slice(start, end);
  return {
    edges: nodes.map((node, i) => ({ cursor: cursorOf(start + i), node })),
    nodes,
    totalCount: items.length,
    pageInfo: {
      startCursor: end > start ? cursorOf(start) : null,
      endCursor: end > start ? cursorOf(end - 1) : null,
      hasPreviousPage: start > 0,
      hasNextPage: end < items.length,
    },
  };
}
