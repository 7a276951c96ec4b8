import { describe, expect, it } from 'vitest';
import { checkPrerequisites } from './prerequisites.ts';
import { TestkitError } from './TestkitError.ts';

describe('checkPrerequisites', () => {
  it('passes when everything is present', () => {
    expect(() => checkPrerequisites('openldap', () => true)).not.toThrow();
  });

  it('names every missing program and the packages to install, in one error', () => {
    const missing = new Set(['slapd', 'slapadd', 'ldapsearch']);
    let error: unknown;
    try {
      checkPrerequisites('openldap', (need) => !missing.has(need));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TestkitError);
    const { code, message } = error as TestkitError;
    expect(code).toBe('MISSING_PREREQUISITE');
    expect(message).toContain('slapd, slapadd');
    expect(message).toContain('ldapsearch');
    expect(message).toContain("apt-get install -y ldap-utils slapd'");
    expect(message).toContain('bash scripts/setup.sh');
  });

  it('asks for the ApacheDS repair packages when their jars are missing', () => {
    expect(() => checkPrerequisites('apacheds', (need) => !need.includes('caffeine'))).toThrow(
      /libcaffeine-java/,
    );
  });
});
