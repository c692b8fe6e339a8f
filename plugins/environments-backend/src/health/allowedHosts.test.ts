import { hostAllowance, parseHostPattern } from './allowedHosts';
import { isPublicAddress } from './publicAddress';

describe('allowed health check hosts', () => {
  const patterns = ['*.macro-ai.com', 'localhost', '::1', '10.0.0.5'].map(
    parseHostPattern,
  );

  it('names exact hosts and IP addresses, and covers every host below a *. domain by wildcard', () => {
    for (const [url, allowance] of [
      ['https://api.macro-ai.com/health', 'wildcard'],
      ['https://api.eu.MACRO-AI.com./health', 'wildcard'],
      ['http://localhost:7007/.backstage/health/v1/readiness', 'named'],
      ['http://[::1]:7007/health', 'named'],
      ['http://10.0.0.5/health', 'named'],
    ]) {
      expect([url, hostAllowance(new URL(url), patterns)]).toEqual([
        url,
        allowance,
      ]);
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
      expect([url, hostAllowance(new URL(url), patterns)]).toEqual([
        url,
        undefined,
      ]);
    }
  });

  it('allows no host when no list is configured, and every host by wildcard with *', () => {
    expect(
      hostAllowance(new URL('https://api.macro-ai.com/'), undefined),
    ).toBeUndefined();
    expect(hostAllowance(new URL('http://169.254.169.254/'), ['*'])).toBe(
      'wildcard',
    );
  });

  it('limits a pattern with a port to that port', () => {
    const withPorts = [
      'localhost:7007',
      '[::1]:7007',
      'api.macro-ai.com:443',
    ].map(parseHostPattern);
    expect(withPorts).toEqual([
      'localhost:7007',
      '[::1]:7007',
      'api.macro-ai.com:443',
    ]);
    for (const [url, allowance] of [
      ['http://localhost:7007/.backstage/health/v1/readiness', 'named'],
      ['http://[::1]:7007/', 'named'],
      ['https://api.macro-ai.com/health', 'named'],
      ['http://localhost:5432/', undefined],
      ['http://localhost/', undefined],
      ['http://api.macro-ai.com/health', undefined],
    ]) {
      expect([url, hostAllowance(new URL(url!), withPorts)]).toEqual([
        url,
        allowance,
      ]);
    }
    expect(() => parseHostPattern('localhost:99999')).toThrow(/no valid port/);
  });

  it('rejects patterns with a scheme or path, naming the pattern', () => {
    expect(() => parseHostPattern('https://api.macro-ai.com')).toThrow(
      '"https://api.macro-ai.com" is not a host pattern',
    );
    expect(() => parseHostPattern('api.*.com')).toThrow(/not a host pattern/);
  });
});

describe('isPublicAddress', () => {
  it('accepts public unicast addresses only', () => {
    expect(['93.184.215.14', '2606:4700::1111'].map(isPublicAddress)).toEqual([
      true,
      true,
    ]);
    expect(
      [
        '127.0.0.1',
        '10.1.2.3',
        '172.16.0.1',
        '192.168.1.1',
        '169.254.169.254',
        '100.64.0.1',
        '0.0.0.0',
        '::1',
        '[::1]',
        'fe80::1',
        'fd00:ec2::254',
        '::ffff:169.254.169.254',
        'not-an-address',
      ].filter(isPublicAddress),
    ).toEqual([]);
  });
});
