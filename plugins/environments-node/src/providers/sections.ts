import type { StatusSection } from '@stageline/plugin-environments-common';

/** Values that are credentials whatever surrounds them. */
const TOKEN_PATTERNS: RegExp[] = [
  /\bgh[pousr]_[A-Za-z0-9]{20,}\b/g,
  /\bgithub_pat_[A-Za-z0-9_]{20,}\b/g,
  /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g,
  /\b(?:bearer|token)\s+[A-Za-z0-9._~+/-]{20,}=*/gi,
];
/** `key=value` / `key: value` pairs whose value is a credential. */
const KEY_VALUE_PATTERN =
  /\b(token|secret|password|authorization|signature|credential|x-amz-security-token)(s?)(\s*[=:]\s*)("[^"]*"|[^\s,;&]+)/gi;

/**
 * Removes anything that looks like a credential from a message.
 *
 * @public
 */
export function redactSecrets(message: string): string {
  const withoutTokens = TOKEN_PATTERNS.reduce(
    (text, pattern) => text.replace(pattern, '[redacted]'),
    message,
  );
  return withoutTokens.replace(
    KEY_VALUE_PATTERN,
    (_match, key, plural, separator) => `${key}${plural}${separator}[redacted]`,
  );
}

/**
 * The `error` field of a section for a thrown value, with credentials removed.
 *
 * @public
 */
export function toSectionError(error: unknown): {
  name: string;
  message: string;
} {
  if (error instanceof Error) {
    return { name: error.name, message: redactSecrets(error.message) };
  }
  return { name: 'Error', message: redactSecrets(String(error)) };
}

/**
 * A section reporting that a provider is not set up, with what to configure.
 *
 * @public
 */
export function unconfiguredSection<T extends object>(
  message: string,
  fields: T,
): T & StatusSection {
  return { ...fields, status: 'unconfigured', message };
}

/**
 * A section reporting a provider failure: `message` says what failed, `error` why.
 *
 * @public
 */
export function errorSection<T extends object>(
  message: string,
  error: unknown,
  fields: T,
): T & StatusSection {
  const sectionError = toSectionError(error);
  return {
    ...fields,
    status: 'error',
    message: `${message}: ${sectionError.message}`,
    error: sectionError,
  };
}
