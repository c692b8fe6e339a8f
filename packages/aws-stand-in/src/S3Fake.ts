import { createHash } from 'node:crypto';
import { toXml } from './queryProtocol';
import { decodeAwsChunked, S3Error } from './s3Protocol';

const NAMESPACE = 'http://s3.amazonaws.com/doc/2006-03-01/';

export type StoredObject = {
  body: Buffer;
  etag: string;
  contentType?: string;
  lastModified: Date;
  checksumSha256?: string;
};

type Bucket = {
  region: string;
  owner: string;
  objects: Map<string, StoredObject>;
};

/** An S3 request: the bucket and key it addresses, and what it asks. */
export type S3Request = {
  method: string;
  bucket: string;
  key: string;
  query: URLSearchParams;
  headers: Headers;
  body: Buffer;
  /** The account of the caller's credentials. */
  account: string;
};

export type S3Response = {
  status: number;
  body?: string | Buffer;
  headers?: Record<string, string>;
};

const XML = { 'content-type': 'application/xml' };

/**
 * S3 as the CDK toolkit library uses it to publish assets and templates to the bootstrap
 * bucket (Amazon S3 API Reference: GetBucketLocation, GetBucketEncryption, ListObjectsV2,
 * PutObject, HeadObject, GetObject). Multipart uploads are answered 501 so a test notices one.
 */
export class S3Fake {
  readonly #buckets = new Map<string, Bucket>();

  createBucket(name: string, region: string, owner: string): void {
    this.#buckets.set(name, { region, owner, objects: new Map() });
  }

  object(bucket: string, key: string): StoredObject | undefined {
    return this.#buckets.get(bucket)?.objects.get(key);
  }

  /** Every object key of a bucket. */
  keys(bucket: string): string[] {
    return [...(this.#buckets.get(bucket)?.objects.keys() ?? [])];
  }

  /** The text of the object a CloudFormation `TemplateURL` points at. */
  readUrl(url: string): string | undefined {
    const parsed = new URL(url);
    const virtual = parsed.hostname.match(/^(.+)\.s3[.-]/);
    const path = decodeURIComponent(parsed.pathname.slice(1));
    const [bucket, key] = virtual
      ? [virtual[1], path]
      : [path.split('/')[0], path.split('/').slice(1).join('/')];
    return this.object(bucket, key)?.body.toString('utf8');
  }

  handle(request: S3Request): S3Response {
    const bucket = this.#buckets.get(request.bucket);
    if (!bucket) {
      throw new S3Error(
        'NoSuchBucket',
        'The specified bucket does not exist',
        404,
        {
          BucketName: request.bucket,
        },
      );
    }
    const expectedOwner = request.headers.get('x-amz-expected-bucket-owner');
    if (expectedOwner && expectedOwner !== bucket.owner) {
      throw new S3Error('AccessDenied', 'Access Denied', 403);
    }
    const { method, query, key } = request;
    if (method === 'GET' && query.has('location')) {
      return {
        status: 200,
        headers: XML,
        body: `<?xml version="1.0" encoding="UTF-8"?><LocationConstraint xmlns="${NAMESPACE}">${
          bucket.region === 'us-east-1' ? '' : bucket.region
        }</LocationConstraint>`,
      };
    }
    if (method === 'GET' && query.has('encryption')) {
      return {
        status: 200,
        headers: XML,
        body: `<?xml version="1.0" encoding="UTF-8"?><ServerSideEncryptionConfiguration xmlns="${NAMESPACE}"><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>aws:kms</SSEAlgorithm></ApplyServerSideEncryptionByDefault><BucketKeyEnabled>false</BucketKeyEnabled></Rule></ServerSideEncryptionConfiguration>`,
      };
    }
    if (method === 'GET' && query.get('list-type') === '2') {
      return this.#list(request.bucket, bucket, query);
    }
    if (method === 'POST' && query.has('uploads')) {
      throw new S3Error(
        'NotImplemented',
        'The AWS stand-in does not take multipart uploads',
        501,
      );
    }
    if (method === 'PUT' && key) return this.#put(bucket, request);
    if ((method === 'GET' || method === 'HEAD') && key) {
      const object = bucket.objects.get(key);
      if (!object) {
        if (method === 'HEAD') return { status: 404 };
        throw new S3Error(
          'NoSuchKey',
          'The specified key does not exist.',
          404,
          { Key: key },
        );
      }
      return {
        status: 200,
        headers: {
          'content-length': String(object.body.length),
          etag: object.etag,
          'last-modified': object.lastModified.toUTCString(),
          ...(object.contentType ? { 'content-type': object.contentType } : {}),
        },
        body: method === 'GET' ? object.body : undefined,
      };
    }
    throw new S3Error(
      'NotImplemented',
      `The AWS stand-in does not take ${method} ${request.key}?${query}`,
      501,
    );
  }

  #list(name: string, bucket: Bucket, query: URLSearchParams): S3Response {
    const prefix = query.get('prefix') ?? '';
    const maxKeys = Number(query.get('max-keys') ?? 1000);
    const matching = [...bucket.objects.keys()]
      .filter(k => k.startsWith(prefix))
      .sort();
    const page = matching.slice(0, maxKeys);
    const contents = page
      .map(k => {
        const object = bucket.objects.get(k)!;
        return `<Contents>${toXml({
          Key: k,
          LastModified: object.lastModified,
          ETag: object.etag,
          Size: object.body.length,
          StorageClass: 'STANDARD',
        })}</Contents>`;
      })
      .join('');
    return {
      status: 200,
      headers: XML,
      body: `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="${NAMESPACE}"><Name>${name}</Name><Prefix>${prefix}</Prefix><KeyCount>${
        page.length
      }</KeyCount><MaxKeys>${maxKeys}</MaxKeys><IsTruncated>${
        matching.length > page.length
      }</IsTruncated>${contents}</ListBucketResult>`,
    };
  }

  #put(bucket: Bucket, request: S3Request): S3Response {
    const chunked = /aws-chunked/.test(
      request.headers.get('content-encoding') ?? '',
    );
    const { payload, trailers } = chunked
      ? decodeAwsChunked(request.body)
      : { payload: request.body, trailers: {} as Record<string, string> };
    const sha256 = createHash('sha256').update(payload).digest('base64');
    const claimed =
      request.headers.get('x-amz-checksum-sha256') ??
      trailers['x-amz-checksum-sha256'];
    if (claimed && claimed !== sha256) {
      throw new S3Error(
        'BadDigest',
        'The SHA256 you specified did not match the calculated checksum.',
        400,
      );
    }
    const etag = `"${createHash('md5').update(payload).digest('hex')}"`;
    bucket.objects.set(request.key, {
      body: payload,
      etag,
      contentType: request.headers.get('content-type') ?? undefined,
      lastModified: new Date(),
      checksumSha256: sha256,
    });
    return {
      status: 200,
      headers: {
        etag,
        ...(claimed ? { 'x-amz-checksum-sha256': sha256 } : {}),
      },
    };
  }
}
