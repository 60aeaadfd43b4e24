import { describe, expect, it } from 'vitest';
import { CairnFailure } from '../../electron/ipc/failure.ts';
import { isValidBranchName } from '../../electron/ipc/contract/repo.ts';
import { toRepoFailure } from '../../electron/services/repo/errors.ts';
import { redactSecrets, REDACTED } from '../../electron/services/repo/redact.ts';
import { parseRemoteUrl } from '../../electron/services/repo/remote-url.ts';
import { Errors } from 'isomorphic-git';

const TOKEN = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';

describe('redaction', () => {
  it('removes a token in every form it travels in, and credentials in URLs', () => {
    const basic = Buffer.from(`x-access-token:${TOKEN}`).toString('base64');
    const text = `sent ${TOKEN}, ${encodeURIComponent(TOKEN)}, Basic ${basic}; https://bob:hunter2@example.com/r.git`;
    const out = redactSecrets(text, [TOKEN], ['x-access-token']);
    expect(out).not.toContain(TOKEN);
    expect(out).not.toContain(basic);
    expect(out).not.toContain('hunter2');
    expect(out).toContain(`https://${REDACTED}@example.com/r.git`);
  });

  it('maps an HTTP error whose body echoes the token to a clean failure', () => {
    const error = new Errors.HttpError(500, 'Internal', `token=${TOKEN}`);
    const failure = toRepoFailure(error, {
      action: 'fetch',
      dir: '/r',
      host: 'h',
      secrets: [TOKEN],
    });
    expect(failure).toBeInstanceOf(CairnFailure);
    expect(failure.code).toBe('network');
    expect(failure.message).not.toContain(TOKEN);
    const wrapped = toRepoFailure(new Error(`socket hang up near ${TOKEN}`), {
      action: 'push',
      dir: '/r',
      secrets: [TOKEN],
    });
    expect(wrapped.code).toBe('network');
    expect(wrapped.message).not.toContain(TOKEN);
  });
});

describe('remote URLs', () => {
  it('accepts HTTPS, and HTTP only to this machine', () => {
    expect(parseRemoteUrl('https://github.com/team/specs.git')).toMatchObject({
      origin: 'https://github.com',
      host: 'github.com',
    });
    expect(parseRemoteUrl('http://127.0.0.1:8080/r.git').origin).toBe('http://127.0.0.1:8080');
    expect(() => parseRemoteUrl('http://example.com/r.git')).toThrow(/HTTPS only/);
    expect(() => parseRemoteUrl('git@github.com:team/specs.git')).toThrow(/not a URL/);
    expect(() => parseRemoteUrl('ssh://git@github.com/team/specs.git')).toThrow(
      /SSH remotes are not supported/,
    );
  });

  it('refuses credentials inside the URL without repeating them', () => {
    try {
      parseRemoteUrl(`https://me:${TOKEN}@github.com/team/specs.git`);
      throw new Error('accepted');
    } catch (error) {
      expect((error as Error).message).toMatch(/contains a user name or token/);
      expect((error as Error).message).not.toContain(TOKEN);
    }
  });
});

describe('branch names', () => {
  it("follows git's rules", () => {
    expect(['main', 'feature/x', 'fix-1.2', 'team/ana/idea'].every(isValidBranchName)).toBe(true);
    expect(
      ['-x', 'a..b', 'a b', 'a~1', 'x.lock', 'a/', '.hidden', 'a//b', 'a@{1}', 'a:b'].some(
        isValidBranchName,
      ),
    ).toBe(false);
  });
});
