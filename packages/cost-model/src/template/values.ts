/**
 * A value the estimate could not work out offline, with the reason
 * (e.g. `Fn::GetAtt Database.Endpoint.Address`). `logicalId` names the resource it points to,
 * when it points to one.
 *
 * @public
 */
export class Unresolved {
  /**
   * @param reason - why, in words
   * @param logicalId - the resource it points to, if any
   */
  constructor(readonly reason: string, readonly logicalId?: string) {}
}

/**
 * A `Ref` to a resource of the same template.
 *
 * @public
 */
export class ResourceRef {
  /** @param logicalId - the resource referred to */
  constructor(readonly logicalId: string) {}
}

/** `AWS::NoValue`: the property is removed. */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');
