export interface Config {
  environments?: {
    security?: {
      /**
       * Owners (group or user entity refs) allowed to own Environments of components they do
       * not own, e.g. the platform team. Any other Environment whose owner is not its
       * component's owner gets a processing error and is not accepted by the catalog.
       * @example ['group:default/platform']
       */
      trustedEnvironmentOwners?: string[];
    };
  };
}
