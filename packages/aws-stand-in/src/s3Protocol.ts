/**
 * Pieces of S3's REST protocol (Amazon S3 API Reference): error documents, and request bodies
 * the SDK sends `aws-chunked` with a trailing checksum.
 */

/** An S3 error document and its status, e.g. 404 `NoSuchBucket`. */
export class S3Error extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly extra: Record<string, string> = {},
  ) {
    super(message);
  }

  toXml(): string {
    const extra = Object.entries(this.extra)
      .map(([key, value]) => `<${key}>${value}</${key}>`)
      .join('');
    return `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${this.code}</Code><Message>${this.message}</Message>${extra}<RequestId>4442587FB7D0A2F9</RequestId><HostId>nB9Alh8xkEcGJ+8wQgoUyxKKvO9RLE0yd1cJZ9BmaQ0=</HostId></Error>`;
  }
}

/**
 * The payload of a request body sent with `Content-Encoding: aws-chunked` ("Signature
 * Calculations for the Authorization Header: Transferring Payload in Multiple Chunks"), and
 * the trailing headers after its last chunk (e.g. `x-amz-checksum-sha256`).
 */
export function decodeAwsChunked(body: Buffer): {
  payload: Buffer;
  trailers: Record<string, string>;
} {
  const chunks: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', offset);
    const sizeText = body.subarray(offset, lineEnd).toString().split(';')[0];
    const size = parseInt(sizeText, 16);
    offset = lineEnd + 2;
    if (size === 0) break;
    chunks.push(body.subarray(offset, offset + size));
    offset += size + 2;
  }
  const trailers: Record<string, string> = {};
  for (const line of body.subarray(offset).toString().split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) {
      trailers[line.slice(0, colon).toLowerCase()] = line
        .slice(colon + 1)
        .trim();
    }
  }
  return { payload: Buffer.concat(chunks), trailers };
}
