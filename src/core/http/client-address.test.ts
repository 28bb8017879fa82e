import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveClientAddress } from './client-address.js';
import { loadConfig } from '../config/config.js';

test('client address: the socket peer, and X-Forwarded-For only through trusted proxies', () => {
  const cases: [peer: string, xff: string | undefined, trusted: string[], expected: string][] = [
    ['203.0.113.7', undefined, [], '203.0.113.7'],
    // No trusted proxies: a forged header is ignored.
    ['203.0.113.7', '1.2.3.4', [], '203.0.113.7'],
    // The peer is not a trusted proxy: ignored too.
    ['203.0.113.7', '1.2.3.4', ['10.0.0.1'], '203.0.113.7'],
    ['10.0.0.1', '198.51.100.9', ['10.0.0.1'], '198.51.100.9'],
    // A client that prepends a fake address gets the address our proxy saw, not the fake one.
    ['10.0.0.1', '6.6.6.6, 198.51.100.9', ['10.0.0.1'], '198.51.100.9'],
    // Two proxies in a chain, both trusted.
    ['10.0.0.1', '198.51.100.9, 10.0.0.2', ['10.0.0.1', '10.0.0.2'], '198.51.100.9'],
    // Every hop trusted: the leftmost is the best we know.
    ['10.0.0.1', '10.0.0.2', ['10.0.0.1', '10.0.0.2'], '10.0.0.2'],
    ['::ffff:10.0.0.1', '198.51.100.9', ['10.0.0.1'], '198.51.100.9'],
    ['10.0.0.1', '2001:DB8::1', ['10.0.0.1'], '2001:db8::1'],
  ];
  for (const [peer, xff, trusted, expected] of cases) {
    assert.equal(resolveClientAddress(peer, xff, trusted), expected, `${peer} / ${xff} / ${trusted.join(',')}`);
  }
});

test('TRUSTED_PROXIES must list IP addresses', () => {
  assert.deepEqual(loadConfig({ TRUSTED_PROXIES: '10.0.0.1, ::1' }).trustedProxies, ['10.0.0.1', '::1']);
  assert.deepEqual(loadConfig({}).trustedProxies, []);
  assert.throws(() => loadConfig({ TRUSTED_PROXIES: 'proxy.example' }), /TRUSTED_PROXIES/);
});
