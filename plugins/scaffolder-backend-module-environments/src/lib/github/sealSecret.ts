import sodium from 'libsodium-wrappers';

/**
 * Seals a secret value with a repository or environment public key (base64) the way GitHub
 * requires: libsodium `crypto_box_seal`, base64 encoded. Only the holder of the private key
 * (GitHub) can open it.
 */
export async function sealSecret(
  value: string,
  publicKeyBase64: string,
): Promise<string> {
  await sodium.ready;
  const publicKey = sodium.from_base64(
    publicKeyBase64,
    sodium.base64_variants.ORIGINAL,
  );
  const sealed = sodium.crypto_box_seal(sodium.from_string(value), publicKey);
  return sodium.to_base64(sealed, sodium.base64_variants.ORIGINAL);
}
