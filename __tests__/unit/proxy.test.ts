/** Which requests go through which proxy: the variables' precedence and NO_PROXY's list forms. */
import { describe, expect, test } from '@jest/globals';
import { bypassesProxy, parseNoProxy, proxyCredentials, proxyFor, readProxySettings } from '../../src/proxy.ts';

const via = (env: NodeJS.ProcessEnv, url: string): string | undefined => proxyFor(new URL(url), readProxySettings(env))?.host;

describe('proxy variables', () => {
  test('none set: nothing to do', () => {
    expect(readProxySettings({ NO_PROXY: 'example.com' })).toBeUndefined();
  });

  test('https_proxy for https://, http_proxy for http://, lower case first, no fallback between them', () => {
    const env = { https_proxy: 'http://lower:1', HTTPS_PROXY: 'http://upper:2', HTTP_PROXY: 'http://plain:3' };
    expect(via(env, 'https://api.example.com')).toBe('lower:1');
    expect(via(env, 'http://api.example.com')).toBe('plain:3');
    expect(via({ HTTP_PROXY: 'http://plain:3' }, 'https://api.example.com')).toBeUndefined();
    expect(via({ HTTPS_PROXY: 'proxy.corp:3128' }, 'https://api.example.com')).toBe('proxy.corp:3128');
  });

  test('loopback always goes direct', () => {
    const env = { HTTPS_PROXY: 'http://p:1', HTTP_PROXY: 'http://p:1' };
    for (const url of ['http://localhost:8080', 'http://127.0.0.1', 'https://127.1.2.3:9', 'http://[::1]:80']) {
      expect(via(env, url)).toBeUndefined();
    }
  });

  test('a proxy URL that is not http(s) names the variable', () => {
    expect(() => readProxySettings({ https_proxy: 'socks5://p:1080' })).toThrow(
      /^Input 'https_proxy' must be an http:\/\/ or https:\/\/ proxy URL/,
    );
    expect(() => readProxySettings({ HTTP_PROXY: 'http://[bad' })).toThrow(/^Input 'HTTP_PROXY' must be a proxy URL/);
  });

  test('a credential that is not valid percent-encoding is bad input naming the variable, never echoing it', () => {
    for (const [name, value] of [
      ['HTTPS_PROXY', 'http://user:p%zzSecret9@proxy.example:3128'],
      ['http_proxy', 'http://Tok%zzSecret9@proxy.example:3128'],
    ] as const) {
      let message = '';
      try {
        readProxySettings({ [name]: value });
      } catch (err) {
        message = (err as Error).message;
      }
      expect(message).toMatch(new RegExp(`^Input '${name}' has a user name or password that is not valid percent-encoding`));
      expect(message).not.toMatch(/Secret9|zz|URI malformed/);
    }
  });

  test('a user name alone is the credential: it is listed as a secret', () => {
    const settings = readProxySettings({ HTTPS_PROXY: 'http://ghp_Tok%2Fen1@p:1', HTTP_PROXY: 'http://plain@p:2' });
    expect(proxyCredentials(settings).sort()).toEqual(['ghp_Tok%2Fen1', 'ghp_Tok/en1', 'plain']);
  });

  test('credentials are listed in every printable form, decoded and encoded', () => {
    const settings = readProxySettings({ HTTPS_PROXY: 'http://bot:p%40ss@p:1' });
    expect(proxyCredentials(settings).sort()).toEqual(['bot:p%40ss', 'bot:p@ss', 'p%40ss', 'p@ss']);
  });
});

describe('NO_PROXY list forms', () => {
  const bypassed = (noProxy: string, url: string): boolean => bypassesProxy(new URL(url), parseNoProxy(noProxy));

  test('a host matches itself and its subdomains, case-insensitively, not a longer name', () => {
    expect(bypassed('example.com', 'https://example.com')).toBe(true);
    expect(bypassed('Example.COM', 'https://api.example.com')).toBe(true);
    expect(bypassed('example.com', 'https://badexample.com')).toBe(false);
  });

  test('domain suffixes: .example.com and *.example.com', () => {
    expect(bypassed('.example.com', 'https://a.b.example.com')).toBe(true);
    expect(bypassed('*.example.com', 'https://a.example.com')).toBe(true);
    expect(bypassed('.example.com', 'https://example.org')).toBe(false);
  });

  test('ports: host:port matches that port only, with the scheme default when the URL has none', () => {
    expect(bypassed('example.com:8443', 'https://example.com:8443')).toBe(true);
    expect(bypassed('example.com:8443', 'https://example.com')).toBe(false);
    expect(bypassed('example.com:443', 'https://example.com')).toBe(true);
    expect(bypassed('[fd00::1]:80', 'http://[fd00::1]')).toBe(true);
  });

  test('* bypasses everything; lists take commas and blanks; IP addresses compare whole', () => {
    expect(bypassed('*', 'https://anything.example')).toBe(true);
    expect(bypassed('a.test, b.test\tc.test', 'https://c.test')).toBe(true);
    expect(bypassed('10.0.0.1', 'http://10.0.0.1:8080')).toBe(true);
    expect(bypassed('10.0.0.1', 'http://110.0.0.1')).toBe(false);
    expect(bypassed('', 'https://example.com')).toBe(false);
  });
});
