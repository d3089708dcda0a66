import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPublicAddress, outboundFetch, PrivateAddressError } from './outbound.ts';

describe('isPublicAddress', () => {
  it.each([
    ['8.8.8.8', true],
    ['203.113.131.1', true],
    ['2001:4860:4860::8888', true],
    ['127.0.0.1', false],
    ['10.1.2.3', false],
    ['172.16.0.9', false],
    ['192.168.1.10', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['::1', false],
    ['::', false],
    ['fd00::1', false],
    ['fe80::1', false],
    ['::ffff:10.0.0.1', false],
    ['::ffff:8.8.8.8', true],
    ['không phải địa chỉ', false],
  ])('%s → %s', (ip, expected) => {
    expect(isPublicAddress(ip)).toBe(expected);
  });
});

describe('outboundFetch', () => {
  let server: Server;
  let port: number;
  beforeAll(async () => {
    server = createServer((_req, res) => res.end('ok'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  const reason = (p: Promise<unknown>) => p.then(() => null, (e: Error) => e.cause);

  it('refuses a literal private address and a name that resolves to one', async () => {
    const guarded = outboundFetch(false);
    expect(await reason(guarded(`http://127.0.0.1:${port}/`))).toBeInstanceOf(PrivateAddressError);
    expect(await reason(guarded(`http://[::1]:${port}/`))).toBeInstanceOf(PrivateAddressError);
    expect(await reason(guarded(`http://localhost:${port}/`))).toBeInstanceOf(PrivateAddressError);
  });

  it('reaches them when the installation allows private addresses', async () => {
    const res = await outboundFetch(true)(`http://localhost:${port}/`);
    expect(await res.text()).toBe('ok');
  });
});
