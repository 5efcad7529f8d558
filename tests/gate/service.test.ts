// Service keys: registrable domains from the Public Suffix List, local hosts and addresses, and
// what warden cannot name.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { endpointForHost, endpointForUrl, isLocalAddress, UNRESOLVED } from '../../lib/gate/service.js';
import { UNKNOWN } from '../../lib/shell/analyze.js';

const HOSTS: readonly [string, string, boolean][] = [
  ['api.github.com', 'github.com', false],
  ['GitHub.COM', 'github.com', false],
  ['github.com.', 'github.com', false],
  ['a.b.example.co.uk', 'example.co.uk', false],
  ['alice.github.io', 'alice.github.io', false],
  ['github.io', 'github.io', false],
  ['bücher.example.de', 'example.de', false],
  ['api.example-service.test', 'example-service.test', false],
  ['203.0.113.7', '203.0.113.7', false],
  ['2001:db8::1', '2001:db8::1', false],
  ['localhost', 'localhost', true],
  ['LOCALHOST', 'localhost', true],
  ['app.localhost', 'app.localhost', true],
  ['intranet', 'intranet', true],
  ['nas.local', 'nas.local', true],
  ['db.internal', 'db.internal', true],
  ['router.home.arpa', 'router.home.arpa', true],
  ['127.0.0.1', '127.0.0.1', true],
  ['127.1', '127.0.0.1', true],
  ['0x7f000001', '127.0.0.1', true],
  ['10.1.2.3', '10.1.2.3', true],
  ['172.16.0.1', '172.16.0.1', true],
  ['172.31.255.255', '172.31.255.255', true],
  ['172.15.0.1', '172.15.0.1', false],
  ['192.168.0.1', '192.168.0.1', true],
  ['169.254.169.254', '169.254.169.254', true],
  ['0.0.0.0', '0.0.0.0', true],
  ['::1', '::1', true],
  ['fd00::5', 'fd00::5', true],
  ['fe80::1', 'fe80::1', true],
  ['::ffff:127.0.0.1', '::ffff:7f00:1', true],
  ['::ffff:8.8.8.8', '::ffff:808:808', false],
];

for (const [host, service, local] of HOSTS) {
  void test(`host ${host} → ${service}${local ? ' (local)' : ''}`, () => {
    const ep = endpointForHost(host);
    assert.equal(ep.service, service);
    assert.equal(ep.local, local);
  });
}

void test('hosts warden cannot read are UNRESOLVED and external', () => {
  for (const h of [`${UNKNOWN}.example.com`, 'a b', 'x/y', '*.example.com', '']) {
    const ep = endpointForHost(h);
    assert.equal(ep.service, UNRESOLVED, h);
    assert.equal(ep.local, false, h);
  }
});

const URLS: readonly [string, string | undefined, boolean][] = [
  ['https://api.github.com/repos', 'github.com', false],
  ['api.github.com/repos', 'github.com', false],
  ['http://user:pw@example.org:8080/x', 'example.org', false],
  ['http://[::1]:3000/', '::1', true],
  ['file:///etc/passwd', 'file', true],
  [`https://${UNKNOWN}/x`, UNRESOLVED, false],
  [UNKNOWN, UNRESOLVED, false],
  [`https://api.example.com/${UNKNOWN}`, 'example.com', false],
  ['/usr/local/bin', undefined, false],
  ['./relative/path', undefined, false],
  ['-o', undefined, false],
];

for (const [url, service, local] of URLS) {
  void test(`url ${JSON.stringify(url)} → ${String(service)}`, () => {
    const ep = endpointForUrl(url);
    assert.equal(ep?.service, service);
    if (ep !== undefined) assert.equal(ep.local, local);
  });
}

void test('isLocalAddress covers the private, loopback and link-local ranges and nothing else', () => {
  for (const ip of ['127.0.0.1', '127.255.0.9', '10.0.0.0', '172.16.5.5', '192.168.255.1', '169.254.1.1', '::1', 'fc00::1', 'fdff::1', 'fe80::9']) assert.equal(isLocalAddress(ip), true, ip);
  for (const ip of ['8.8.8.8', '172.32.0.1', '192.169.0.1', '100.64.0.1', '2606:4700::1111', 'not-an-ip']) assert.equal(isLocalAddress(ip), false, ip);
});
