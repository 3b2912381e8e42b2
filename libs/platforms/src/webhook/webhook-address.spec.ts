import { type PublishError } from '../adapter';
import {
  type WebhookResolver,
  WebhookAllowListError,
  checkWebhookTarget,
  parseWebhookAllowList,
} from './webhook-address';

const resolverOf = (table: Record<string, string[]>) => {
  const calls: string[] = [];
  const resolve: WebhookResolver = (host) => {
    calls.push(host);
    const answers = table[host];
    if (!answers) {
      return Promise.reject(
        Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' }),
      );
    }
    return Promise.resolve(
      answers.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
    );
  };
  return { resolve, calls };
};

const publicResolver = resolverOf({ 'hooks.example.com': ['93.184.215.14'] });

async function refusal(url: string, allow = '', resolve: WebhookResolver = publicResolver.resolve) {
  try {
    await checkWebhookTarget(url, parseWebhookAllowList(allow), resolve);
  } catch (e) {
    return e as PublishError;
  }
  throw new Error(`${url} was not refused`);
}

describe('webhook address rules', () => {
  it('accepts a public https receiver and pins its resolved address', async () => {
    const target = await checkWebhookTarget(
      'https://hooks.example.com/in',
      [],
      publicResolver.resolve,
    );
    expect(target).toMatchObject({ address: '93.184.215.14', family: 4, port: 443 });
  });

  it.each([
    ['loopback', 'https://127.0.0.1/', /loopback/],
    ['loopback elsewhere in 127/8', 'https://127.8.9.10/', /loopback/],
    ['IPv6 loopback', 'https://[::1]/', /loopback/],
    ['the metadata service', 'http://169.254.169.254/latest/meta-data/', /link-local.*metadata/],
    ['10/8', 'https://10.0.0.1/', /private/],
    ['10/8, far end', 'https://10.255.255.254/', /private/],
    ['172.16/12', 'https://172.31.0.1/', /private/],
    ['192.168/16', 'https://192.168.1.1/', /private/],
    ['CGNAT', 'https://100.64.0.1/', /carrier-grade/],
    ['unspecified IPv4', 'https://0.0.0.0/', /unspecified/],
    ['unspecified IPv6', 'https://[::]/', /unspecified/],
    ['multicast', 'https://224.0.0.1/', /multicast/],
    ['broadcast', 'https://255.255.255.255/', /broadcast/],
    ['IPv6 unique-local', 'https://[fd00::1]/', /unique-local/],
    ['IPv6 link-local', 'https://[fe80::1]/', /link-local/],
    ['IPv4-mapped loopback', 'https://[::ffff:127.0.0.1]/', /loopback/],
    ['IPv4-mapped metadata', 'https://[::ffff:169.254.169.254]/', /link-local/],
    ['IPv4-compatible loopback', 'https://[::127.0.0.1]/', /IPv4-compatible/],
    ['NAT64 of a private address', 'https://[64:ff9b::10.0.0.1]/', /NAT64/],
    ['a decimal integer', 'https://2130706433/', /loopback/],
    ['hex parts', 'https://0x7f.1/', /loopback/],
    ['an octal integer', 'https://017700000001/', /loopback/],
    ['a short form', 'https://127.1/', /loopback/],
    ['documentation range', 'https://192.0.2.10/', /reserved/],
  ])('refuses %s (%s) without resolving anything', async (_what, url, why) => {
    const { resolve, calls } = resolverOf({});
    const e = await refusal(url, '', resolve);
    expect(e).toMatchObject({ errorClass: 'permanent', code: 'WEBHOOK_ADDRESS_REFUSED' });
    expect(e.message).toMatch(why);
    expect(calls).toEqual([]);
  });

  it.each([
    ['a private address', ['10.1.2.3'], /private.*evil\.test resolves to 10\.1\.2\.3/],
    ['loopback', ['127.0.0.1'], /loopback/],
    ['the metadata service', ['169.254.169.254'], /link-local/],
    ['IPv4-mapped loopback', ['::ffff:127.0.0.1'], /loopback/],
    ['a public and a private address', ['93.184.215.14', '10.1.2.3'], /private/],
    ['a private address listed second among IPv6', ['2606:4700::1', 'fd12::1'], /unique-local/],
  ])('refuses a name resolving to %s', async (_what, addresses, why) => {
    const { resolve } = resolverOf({ 'evil.test': addresses });
    const e = await refusal('https://evil.test/hook', '', resolve);
    expect(e.code).toBe('WEBHOOK_ADDRESS_REFUSED');
    expect(e.message).toMatch(why);
  });

  it('refuses plain http to a public receiver', async () => {
    const e = await refusal('http://hooks.example.com/in');
    expect(e.code).toBe('WEBHOOK_ADDRESS_REFUSED');
    expect(e.message).toMatch(/https/);
  });

  it.each([
    'ftp://hooks.example.com/',
    'file:///etc/passwd',
    'not a url',
    'https://user:pw@hooks.example.com/',
  ])('refuses %s', async (url) => {
    expect((await refusal(url)).code).toBe('WEBHOOK_ADDRESS_REFUSED');
  });

  it('calls a failed lookup retryable: nothing was sent', async () => {
    await expect(
      checkWebhookTarget('https://gone.test/', [], resolverOf({}).resolve),
    ).rejects.toMatchObject({
      errorClass: 'retryable',
      code: 'WEBHOOK_DNS_FAILED',
    });
  });

  describe('the allow-list', () => {
    it('lets an allow-listed address and port through, over http too', async () => {
      const target = await checkWebhookTarget(
        'http://127.0.0.1:4000/hook',
        parseWebhookAllowList('127.0.0.1:4000'),
        resolverOf({}).resolve,
      );
      expect(target).toMatchObject({ address: '127.0.0.1', port: 4000 });
    });

    it('does not open other ports of an allow-listed address', async () => {
      expect((await refusal('http://127.0.0.1:5432/', '127.0.0.1:4000')).code).toBe(
        'WEBHOOK_ADDRESS_REFUSED',
      );
    });

    it('lets an allow-listed host name through wherever it resolves', async () => {
      const { resolve } = resolverOf({ 'hooks.internal.example': ['10.20.0.5'] });
      const target = await checkWebhookTarget(
        'http://hooks.internal.example/in',
        parseWebhookAllowList('hooks.internal.example'),
        resolve,
      );
      expect(target.address).toBe('10.20.0.5');
    });

    it('matches host names exactly, not as suffixes', async () => {
      const { resolve } = resolverOf({ 'evil.hooks.internal.example': ['10.20.0.5'] });
      const e = await refusal(
        'https://evil.hooks.internal.example/',
        'hooks.internal.example',
        resolve,
      );
      expect(e.code).toBe('WEBHOOK_ADDRESS_REFUSED');
    });

    it('lets names resolving into an allow-listed range through, and nothing outside it', async () => {
      const { resolve } = resolverOf({
        'a.test': ['10.20.1.1'],
        'b.test': ['10.20.1.1', '10.30.0.1'],
      });
      const allow = parseWebhookAllowList('10.20.0.0/16');
      await expect(checkWebhookTarget('https://a.test/', allow, resolve)).resolves.toMatchObject({
        address: '10.20.1.1',
      });
      const e = await refusal('https://b.test/', '10.20.0.0/16', resolve);
      expect(e.message).toMatch(/10\.30\.0\.1/);
    });

    it('treats an IPv4-mapped answer as its IPv4 address', async () => {
      const { resolve } = resolverOf({ 'm.test': ['::ffff:10.20.1.1'] });
      await expect(
        checkWebhookTarget('https://m.test/', parseWebhookAllowList('10.20.0.0/16'), resolve),
      ).resolves.toMatchObject({ address: '::ffff:a14:101' });
    });

    it('parses hosts, addresses, ranges and ports', () => {
      expect(
        parseWebhookAllowList(
          ' 127.0.0.1:4000, hooks.internal.example ,[::1]:8080, ::1, fd00::/8, 10.0.0.0/8 ',
        ).map((e) =>
          e.kind === 'host'
            ? `${e.host}:${e.port}`
            : `${e.range[0].toString()}/${e.range[1]}:${e.port}`,
        ),
      ).toEqual([
        '127.0.0.1/32:4000',
        'hooks.internal.example:null',
        '::1/128:8080',
        '::1/128:null',
        'fd00::/8:null',
        '10.0.0.0/8:null',
      ]);
      expect(parseWebhookAllowList(undefined)).toEqual([]);
      expect(parseWebhookAllowList('  ')).toEqual([]);
    });

    it.each([
      ['a,,b', /entry 2 "" is empty/],
      ['hooks.example:99999', /entry 1 .*port/],
      ['10.0.0.0/40', /CIDR/],
      ['2130706433', /dotted decimal/],
      ['0x7f.1', /dotted decimal/],
      ['not a host!', /not a host name/],
      ['https://hooks.example', /entry 1 .*is a URL/],
    ])('rejects %s with a message naming the variable', (value, why) => {
      expect(() => parseWebhookAllowList(value)).toThrow(WebhookAllowListError);
      expect(() => parseWebhookAllowList(value)).toThrow(/^POSTPLAN_WEBHOOK_ALLOW: /);
      expect(() => parseWebhookAllowList(value)).toThrow(why);
    });
  });
});
