import { describe, expect, it } from 'vitest';
import { createMetrics } from '../index.ts';

describe('createMetrics', () => {
  it('counts one series per label set, whatever the order the labels are given in', () => {
    const m = createMetrics();
    const c = m.counter('requests_total', 'Requests');
    c.inc({ operation: 'createUser', connector: 'LDAP' });
    c.inc({ connector: 'LDAP', operation: 'createUser' }, 2);
    c.inc();
    expect(c.get({ connector: 'LDAP', operation: 'createUser' })).toBe(3);
    expect(m.render()).toContain('requests_total{connector="LDAP",operation="createUser"} 3\n');
    expect(m.render()).toContain('\nrequests_total 1');
  });

  it('escapes backslashes, quotes and newlines in label values as the exposition format requires', () => {
    const m = createMetrics();
    m.gauge('g', 'G').set(1, { dn: 'cn=a\\, b "x"\ny' });
    expect(m.render()).toContain('g{dn="cn=a\\\\, b \\"x\\"\\ny"} 1');
  });
});
