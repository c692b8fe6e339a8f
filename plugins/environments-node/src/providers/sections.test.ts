import { errorSection, redactSecrets } from './sections';

describe('redactSecrets', () => {
  it.each([
    [
      'Bad credentials for ghp_abcdefghijklmnopqrstuvwxyz0123456789',
      'Bad credentials for [redacted]',
    ],
    ['key AKIAIOSFODNN7EXAMPLE refused', 'key [redacted] refused'],
    [
      'Authorization: Bearer abcdefghijklmnopqrstuvwxyz.123',
      'Authorization: [redacted]',
    ],
    ['url?token=s3cr3t&x=1', 'url?token=[redacted]&x=1'],
    ['password: "hunter2"', 'password: [redacted]'],
  ])('removes the secret from %p', (input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
  });

  it('leaves ordinary advice alone', () => {
    const advice =
      'GitHub is not configured: add integrations.github with a token or app';
    expect(redactSecrets(advice)).toBe(advice);
  });
});

describe('errorSection', () => {
  it('names what failed and why, without credentials', () => {
    expect(
      errorSection('Could not read stack X', new Error('denied token=abc'), {
        stackName: 'X',
      }),
    ).toEqual({
      stackName: 'X',
      status: 'error',
      message: 'Could not read stack X: denied token=[redacted]',
      error: { name: 'Error', message: 'denied token=[redacted]' },
    });
  });
});
