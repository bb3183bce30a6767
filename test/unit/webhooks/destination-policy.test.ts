import assert from 'node:assert/strict';
import { test } from 'node:test';
import { destinationPolicy, hostRuleProblem } from '../../../src/webhooks/destination-policy.js';

const reason = (check: ReturnType<ReturnType<typeof destinationPolicy>['checkUrl']>) => (check.ok ? null : check.reason);

test('by default every http(s) destination is allowed, loopback included', () => {
  const policy = destinationPolicy({ allowHosts: [], denyHosts: [] });
  assert.equal(reason(policy.checkUrl('http://127.0.0.1:3000/hook')), null);
  assert.equal(reason(policy.checkUrl('https://example.com/hook')), null);
  assert.equal(policy.checkResolvedAddress('localhost', '127.0.0.1'), null);
  assert.match(reason(policy.checkUrl('ftp://example.com/'))!, /scheme/);
  assert.match(reason(policy.checkUrl('not a url'))!, /not a valid absolute URL/);
});

test('deny entries: names, subdomain wildcards, addresses, ranges and keywords', () => {
  const policy = destinationPolicy({ allowHosts: [], denyHosts: ['evil.test', '*.internal.test', '10.0.0.0/8', 'loopback', 'link-local'] });
  assert.match(reason(policy.checkUrl('http://EVIL.test/'))!, /denied/);
  assert.match(reason(policy.checkUrl('http://a.b.internal.test/'))!, /denied/);
  assert.equal(reason(policy.checkUrl('http://internal.test/')), null, '*.x does not match x itself');
  assert.match(reason(policy.checkUrl('http://10.1.2.3/'))!, /denied/);
  assert.match(reason(policy.checkUrl('http://[::1]:8080/'))!, /denied/);
  assert.match(reason(policy.checkUrl('http://127.0.0.2/'))!, /denied/);
  assert.match(policy.checkResolvedAddress('metadata.example', '169.254.169.254')!, /resolved to 169\.254\.169\.254/);
  assert.match(policy.checkResolvedAddress('sneaky.example', '::ffff:10.0.0.1')!, /denies/, 'IPv4-mapped addresses are checked as IPv4');
  assert.equal(policy.checkResolvedAddress('example.com', '93.184.216.34'), null);
});

test('an allow list admits matching names or resolved addresses only', () => {
  const policy = destinationPolicy({ allowHosts: ['hooks.example.com', '192.168.0.0/16'], denyHosts: ['192.168.9.0/24'] });
  assert.equal(reason(policy.checkUrl('https://hooks.example.com/x')), null);
  assert.equal(reason(policy.checkUrl('http://192.168.1.5/')), null);
  assert.match(reason(policy.checkUrl('http://192.168.9.5/'))!, /denied/, 'deny wins');
  // A name outside the list may still resolve into an allowed range; that is checked at connect time.
  assert.equal(reason(policy.checkUrl('http://printer.lan/')), null);
  assert.match(policy.checkResolvedAddress('printer.lan', '8.8.8.8')!, /not in OPENCHECK_WEBHOOK_ALLOW_HOSTS/);
  assert.equal(policy.checkResolvedAddress('printer.lan', '192.168.1.9'), null);
  const namesOnly = destinationPolicy({ allowHosts: ['localhost'], denyHosts: [] });
  assert.match(reason(namesOnly.checkUrl('http://127.0.0.1/'))!, /not in OPENCHECK_WEBHOOK_ALLOW_HOSTS/);
  assert.equal(namesOnly.checkResolvedAddress('localhost', '127.0.0.1'), null);
});

test('bad entries are reported for config validation', () => {
  assert.equal(hostRuleProblem('10.0.0.0/8'), null);
  assert.equal(hostRuleProblem('*.example.com'), null);
  assert.match(hostRuleProblem('10.0.0.0/33')!, /not a valid address range/);
  assert.match(hostRuleProblem('example.com:8080')!, /not a host name/);
  assert.match(hostRuleProblem('http://x')!, /not a host name/);
});
