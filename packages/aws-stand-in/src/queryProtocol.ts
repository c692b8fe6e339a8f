import { randomUUID } from 'node:crypto';

/**
 * The AWS query protocol that CloudFormation and STS speak: form-encoded requests
 * (`Action=DescribeStacks&Version=2010-05-15&StackName=...`, lists as `Name.member.N`,
 * structures as `Name.Field`) answered with XML (`<ActionResponse><ActionResult>…`, lists as
 * `<member>` elements, errors as `<ErrorResponse><Error><Type/><Code/><Message/></Error>`).
 * See "Query requests" and "Making API requests" in the AWS CloudFormation API Reference.
 */

/** A parsed query request: its action, its version and its parameters, nested. */
export type QueryRequest = {
  action: string;
  version: string;
  params: Record<string, any>;
};

/** Sets `value` at a dotted query key, turning `member.N` into array entries. */
function assign(target: Record<string, any>, path: string[], value: string) {
  let node: any = target;
  for (let i = 0; i < path.length; i++) {
    const part = path[i];
    const last = i === path.length - 1;
    if (part === 'member' || part === 'entry') continue;
    const index = /^\d+$/.test(part) ? Number(part) - 1 : undefined;
    const key = index ?? part;
    const nextIsList =
      !last && (path[i + 1] === 'member' || path[i + 1] === 'entry');
    if (last) {
      node[key] = value;
    } else {
      node[key] ??= nextIsList ? [] : {};
      node = node[key];
    }
  }
}

/** Parses a form-encoded query request body. */
export function parseQueryBody(body: string): QueryRequest {
  const form = new URLSearchParams(body);
  const params: Record<string, any> = {};
  for (const [key, value] of form) {
    if (key === 'Action' || key === 'Version') continue;
    assign(params, key.split('.'), value);
  }
  return {
    action: form.get('Action') ?? '',
    version: form.get('Version') ?? '',
    params,
  };
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * A list whose items a query API names rather than calling `<member>` (RDS:
 * `<DBInstances><DBInstance>…</DBInstance></DBInstances>`).
 */
export class NamedList {
  constructor(readonly itemName: string, readonly items: unknown[]) {}
}

/** Serializes a value the way query APIs do: lists as `<member>`, dates in ISO 8601. */
export function toXml(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (value instanceof Date) return value.toISOString();
  if (value instanceof NamedList) {
    return value.items
      .map(item => `<${value.itemName}>${toXml(item)}</${value.itemName}>`)
      .join('');
  }
  if (Array.isArray(value)) {
    return value.map(item => `<member>${toXml(item)}</member>`).join('');
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, child]) => child !== undefined && child !== null)
      .map(([key, child]) => `<${key}>${toXml(child)}</${key}>`)
      .join('');
  }
  return escapeXml(String(value));
}

/** A request id in the form AWS uses. */
export function requestId(): string {
  return randomUUID();
}

/** `<ActionResponse xmlns=…><ActionResult>…</ActionResult><ResponseMetadata>…` */
export function queryResponse(
  namespace: string,
  action: string,
  result?: Record<string, unknown>,
): string {
  const body =
    result === undefined
      ? ''
      : `<${action}Result>${toXml(result)}</${action}Result>`;
  return `<?xml version="1.0" encoding="UTF-8"?><${action}Response xmlns="${namespace}">${body}<ResponseMetadata><RequestId>${requestId()}</RequestId></ResponseMetadata></${action}Response>`;
}

/** An error of a query API, as its `ErrorResponse` document and HTTP status. */
export class QueryError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    readonly type: 'Sender' | 'Receiver' = 'Sender',
  ) {
    super(message);
  }

  toXml(namespace: string): string {
    return `<?xml version="1.0" encoding="UTF-8"?><ErrorResponse xmlns="${namespace}"><Error><Type>${
      this.type
    }</Type><Code>${escapeXml(this.code)}</Code><Message>${escapeXml(
      this.message,
    )}</Message></Error><RequestId>${requestId()}</RequestId></ErrorResponse>`;
  }
}

/** CloudFormation's catch-all client error. */
export function validationError(message: string): QueryError {
  return new QueryError('ValidationError', message);
}
