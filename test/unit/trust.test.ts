import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl, isAppUrl, isTrustedSender } from '../../electron/main/trust.ts';

describe('Electron trust decisions', () => {
  it('opens only allow-listed https links externally', () => {
    expect(isAllowedExternalUrl('https://github.com/cairn/cairn')).toBe(true);
    expect(isAllowedExternalUrl('http://github.com/')).toBe(false);
    expect(isAllowedExternalUrl('https://github.com.evil.example/')).toBe(false);
    expect(isAllowedExternalUrl('https://user:pw@github.com/')).toBe(false);
    expect(isAllowedExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isAllowedExternalUrl('not a url')).toBe(false);
  });

  it('keeps navigation inside the app origin', () => {
    expect(isAppUrl('cairn-app://app/index.html')).toBe(true);
    expect(isAppUrl('cairn-app://other/index.html')).toBe(false);
    expect(isAppUrl('https://example.com/')).toBe(false);
  });

  it('trusts IPC only from the main frame of the app page', () => {
    const main = { url: 'cairn-app://app/index.html' };
    expect(isTrustedSender(main, main)).toBe(true);
    expect(isTrustedSender({ url: 'cairn-app://app/index.html' }, main)).toBe(false);
    const foreign = { url: 'https://example.com/' };
    expect(isTrustedSender(foreign, foreign)).toBe(false);
    expect(isTrustedSender(null, main)).toBe(false);
  });
});
