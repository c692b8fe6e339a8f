import { isHostAllowed, parseHostPattern } from './allowedHosts';

const hostOf = (url: string) => new URL(url).hostname;

describe('allowed health check hosts', () => {
  const patterns = ['*.macro-ai.com', 'localhost', '::1', '10.0.0.5'].map(
    parseHostPattern,
  );

  it('matches exact hosts, IP addresses and every host below a *. domain', () => {
    for (const url of [
      'https://api.macro-ai.com/health',
      'https://api.eu.MACRO-AI.com./health',
      'http://localhost:7007/.backstage/health/v1/readiness',
      'http://[::1]:7007/health',
      'http://10.0.0.5/health',
    ]) {
      expect([url, isHostAllowed(hostOf(url), patterns)]).toEqual([url, true]);
    }
  });

  it('refuses the domain of a *. pattern itself, look-alikes and other addresses', () => {
    for (const url of [
      'https://macro-ai.com/health',
      'https://evil-macro-ai.com/health',
      'https://api.macro-ai.com.evil.test/health',
      'http://169.254.169.254/latest/meta-data/',
      'http://127.0.0.1:7007/health',
      'http://10.0.0.50/health',
    ]) {
      expect([url, isHostAllowed(hostOf(url), patterns)]).toEqual([url, false]);
    }
  });

  it('allows every host when no list is configured', () => {
    expect(isHostAllowed('169.254.169.254', undefined)).toBe(true);
  });

  it('rejects patterns with a scheme, port or path, naming the pattern', () => {
    expect(() => parseHostPattern('https://api.macro-ai.com')).toThrow(
      '"https://api.macro-ai.com" is not a host pattern',
    );
    expect(() => parseHostPattern('localhost:7007')).toThrow(
      /not a host pattern/,
    );
    expect(() => parseHostPattern('api.*.com')).toThrow(/not a host pattern/);
  });
});
