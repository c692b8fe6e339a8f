import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIpLiteral, isPublicAddress } from './publicAddress';

/** Resolves a host name to its IP addresses (every family). */
export type ResolveHost = (hostname: string) => Promise<string[]>;

/** The system resolver, as `fetch` would use it. */
export const resolveWithDns: ResolveHost = async hostname =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map(
    a => a.address,
  );

/** Why a probe got no usable answer, in words safe to show (no socket error details). */
export class ProbeFailure extends Error {
  constructor(
    readonly reason: 'unreachable' | 'timed out' | 'refused',
    message: string = reason,
  ) {
    super(message);
    this.name = 'ProbeFailure';
  }
}

/** One HTTP answer, its body read up to the cap. */
export interface GuardedAnswer {
  status: number;
  location?: string;
  contentType?: string;
  body: Buffer;
  /** The body was longer than the cap; the rest was not read. */
  truncated: boolean;
}

export interface GuardedGetOptions {
  signal: AbortSignal;
  maxBodyBytes: number;
  /** Connect only to public addresses (checked after resolution and again on the socket). */
  requirePublic: boolean;
  resolve: ResolveHost;
}

/**
 * The address to connect to: for `requirePublic`, every address the host resolves to must be
 * public (a name with one private address is refused: DNS answers can rotate), and the
 * connection is pinned to the checked address so a second resolution cannot swap it.
 */
async function pinnedAddress(
  hostname: string,
  options: GuardedGetOptions,
): Promise<string | undefined> {
  if (!options.requirePublic) return undefined;
  const bare = hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (isIpLiteral(bare)) {
    addresses = [bare];
  } else {
    try {
      addresses = await options.resolve(bare);
    } catch {
      throw new ProbeFailure('unreachable');
    }
  }
  if (addresses.length === 0 || !addresses.every(isPublicAddress)) {
    throw new ProbeFailure(
      'refused',
      `${hostname} is not a public address; list it by name in environments.health.allowedHosts to probe it`,
    );
  }
  return addresses[0];
}

function pinnedLookup(address: string): LookupFunction {
  const family = address.includes(':') ? 6 : 4;
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

/**
 * GET `url` once (no redirect is followed: a 3xx comes back with its `location`), reading at
 * most `maxBodyBytes` of the body. Errors come out as {@link ProbeFailure} whose message says
 * "unreachable", "timed out" or why the address was refused, never the socket error, so the
 * probe cannot be used to map which internal ports answer.
 */
export async function guardedGet(
  url: URL,
  options: GuardedGetOptions,
): Promise<GuardedAnswer> {
  const pinned = await pinnedAddress(url.hostname, options);
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<GuardedAnswer>((resolve, reject) => {
    const fail = (error: unknown) => {
      if (error instanceof ProbeFailure) reject(error);
      else if (options.signal.aborted) {
        const reason = options.signal.reason as Error | undefined;
        reject(
          new ProbeFailure(
            reason?.name === 'TimeoutError' ? 'timed out' : 'unreachable',
          ),
        );
      } else reject(new ProbeFailure('unreachable'));
    };
    const request = client.request(
      url,
      {
        method: 'GET',
        headers: { accept: 'application/json' },
        signal: options.signal,
        ...(pinned ? { lookup: pinnedLookup(pinned) } : {}),
      },
      response => {
        const status = response.statusCode ?? 0;
        const location = response.headers.location;
        if (status >= 300 && status < 400 && location) {
          response.destroy();
          resolve({
            status,
            location,
            body: Buffer.alloc(0),
            truncated: false,
          });
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          const room = options.maxBodyBytes - size;
          if (chunk.length > room) {
            chunks.push(chunk.subarray(0, room));
            size = options.maxBodyBytes;
            response.destroy();
            request.destroy();
            resolve({
              status,
              contentType: response.headers['content-type'],
              body: Buffer.concat(chunks),
              truncated: true,
            });
            return;
          }
          chunks.push(chunk);
          size += chunk.length;
        });
        response.on('end', () =>
          resolve({
            status,
            contentType: response.headers['content-type'],
            body: Buffer.concat(chunks),
            truncated: false,
          }),
        );
        response.on('error', fail);
      },
    );
    if (pinned) {
      // Belt and braces: whatever resolved the name, the socket must end at the checked address.
      request.on('socket', socket =>
        socket.once('connect', () => {
          const remote = socket.remoteAddress;
          if (remote && !isPublicAddress(remote)) {
            request.destroy(
              new ProbeFailure(
                'refused',
                `${url.hostname} is not a public address; list it by name in environments.health.allowedHosts to probe it`,
              ),
            );
          }
        }),
      );
    }
    request.on('error', fail);
    request.end();
  });
}
