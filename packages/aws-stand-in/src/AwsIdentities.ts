import { randomBytes } from 'node:crypto';
import { QueryError } from './queryProtocol';

/** Credentials and whose they are. */
export type Identity = {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  account: string;
  arn: string;
  userId: string;
};

const key = (prefix: string, length: number) =>
  prefix +
  randomBytes(length)
    .toString('base64')
    .replace(/[^A-Z0-9]/gi, '')
    .toUpperCase()
    .slice(0, length - prefix.length)
    .padEnd(length - prefix.length, 'X');

/**
 * IAM users, roles and the temporary credentials STS hands out (AWS STS API Reference:
 * GetCallerIdentity, AssumeRole), and which identity signed a request: the access key id of
 * its SigV4 `Authorization` header, with the session token that must come with temporary
 * credentials.
 */
export class AwsIdentities {
  readonly #byAccessKey = new Map<string, Identity>();
  readonly #roles = new Set<string>();

  addUser(
    account: string,
    name: string,
    accessKeyId: string,
    secretAccessKey: string,
  ): Identity {
    const identity = {
      accessKeyId,
      secretAccessKey,
      account,
      arn: `arn:aws:iam::${account}:user/${name}`,
      userId: key('AIDA', 21),
    };
    this.#byAccessKey.set(accessKeyId, identity);
    return identity;
  }

  addRole(account: string, roleName: string): string {
    const arn = `arn:aws:iam::${account}:role/${roleName}`;
    this.#roles.add(arn);
    return arn;
  }

  /** The identity a request was signed with. */
  signer(headers: Headers): Identity {
    const credential = (headers.get('authorization') ?? '').match(
      /Credential=([^/]+)\//,
    );
    const identity = credential
      ? this.#byAccessKey.get(credential[1])
      : undefined;
    const token = headers.get('x-amz-security-token') ?? undefined;
    if (!identity || identity.sessionToken !== token) {
      throw new QueryError(
        'InvalidClientTokenId',
        'The security token included in the request is invalid.',
        403,
      );
    }
    return identity;
  }

  /** AssumeRole: temporary credentials of the role, for an identity of the same account. */
  assumeRole(caller: Identity, roleArn: string, sessionName: string) {
    if (!this.#roles.has(roleArn)) {
      throw new QueryError(
        'AccessDenied',
        `User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
        403,
      );
    }
    const [, , , , account, resource] = roleArn.split(':');
    const roleName = resource.replace(/^role\//, '');
    const roleId = key('AROA', 21);
    const identity: Identity = {
      accessKeyId: key('ASIA', 20),
      secretAccessKey: randomBytes(30).toString('base64'),
      sessionToken: randomBytes(60).toString('base64'),
      account,
      arn: `arn:aws:sts::${account}:assumed-role/${roleName}/${sessionName}`,
      userId: `${roleId}:${sessionName}`,
    };
    this.#byAccessKey.set(identity.accessKeyId, identity);
    return {
      Credentials: {
        AccessKeyId: identity.accessKeyId,
        SecretAccessKey: identity.secretAccessKey,
        SessionToken: identity.sessionToken,
        Expiration: new Date(Date.now() + 3600_000),
      },
      AssumedRoleUser: { AssumedRoleId: identity.userId, Arn: identity.arn },
    };
  }

  /** The identity an access key id belongs to, for assertions. */
  byAccessKey(accessKeyId: string): Identity | undefined {
    return this.#byAccessKey.get(accessKeyId);
  }
}
