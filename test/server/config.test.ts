/** The environment is read once, with one clear message per bad variable. */
import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { ConfigError, loadConfig, parseHostPorts } from '../../server/config.js';

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config.redisUrl).toBeUndefined();
    expect(config.metricsPort).toBeUndefined();
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      maxSecretBytes: 8 * 1024 * 1024,
      trustProxy: false,
      defaultExpiresIn: 86_400,
      maxPassphraseAttempts: 10,
    });
  });

  it('reads every kind of value', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      REDIS_URL: 'redis://redis:6379/0',
      TRUST_PROXY: 'true',
      MAX_VIEWS: '5',
      LOG_LEVEL: 'warn',
      METRICS_PORT: '9100',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      redisUrl: 'redis://redis:6379/0',
      trustProxy: true,
      maxViews: 5,
      logLevel: 'warn',
    });
    expect(config.metricsPort).toBe(9100);
    expect(loadConfig({ REDIS_CLUSTER_NODES: 'a:7000,b:7001' }).redisClusterNodes).toBe('a:7000,b:7001');
  });

  it('names every bad variable and what it takes', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        MAX_SECRET_BYTES: '10',
        TRUST_PROXY: 'maybe',
        REDIS_URL: 'localhost:6379',
        LOG_LEVEL: 'loud',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(5);
    expect(problems[0]).toBe('PORT must be a whole number from 0 to 65535: the TCP port to listen on (got "eighty").');
    expect(problems.join('\n')).toMatch(/MAX_SECRET_BYTES must be a whole number from 2048/);
    expect(problems.join('\n')).toMatch(/TRUST_PROXY must be false, true, or the addresses of the proxies in front/);
    expect(problems.join('\n')).toMatch(/REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/);
    expect(problems.join('\n')).toMatch(/LOG_LEVEL must be one of fatal/);
  });

  it('trusts forwarded addresses only from the proxies named, if named', () => {
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'loopback,10.0.0.0/8,fd00::/8,192.0.2.7' }).trustProxy).toBe(
      'loopback,10.0.0.0/8,fd00::/8,192.0.2.7',
    );
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 10.0.0.2' }).trustProxy).toBe('10.0.0.1, 10.0.0.2');
    // What the config accepts, Fastify (proxy-addr) takes too: a bad range would only fail there.
    for (const good of ['loopback,uniquelocal', '192.0.2.0/24, 2001:db8::/32', '::1']) {
      expect(() => Fastify({ trustProxy: loadConfig({ TRUST_PROXY: good }).trustProxy }), good).not.toThrow();
    }
    // '1' included: a hop count elsewhere, it must not read as true (trust everyone) here.
    for (const bad of [
      '1',
      '2',
      'proxy.example',
      '10.0.0.0/33',
      '0.0.0.0/0',
      '::/0',
      '10.0.0.1/8/8',
      '10.0.0.1,,10.0.0.2',
    ]) {
      expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(/^Invalid configuration:\n {2}TRUST_PROXY must be/);
    }
  });

  it('keeps metrics off the public port', () => {
    expect(() => loadConfig({ PORT: '8080', METRICS_PORT: '8080' })).toThrow(/METRICS_PORT must differ from PORT/);
    expect(() => loadConfig({ METRICS_PORT: '70000' })).toThrow(/METRICS_PORT must be a whole number from 0 to 65535/);
    expect(loadConfig({ PORT: '0', METRICS_PORT: '0' }).metricsPort).toBe(0);
  });

  it('checks that the expiry bounds agree and only one Redis is named', () => {
    expect(() => loadConfig({ MIN_EXPIRES_IN: '600', MAX_EXPIRES_IN: '300' })).toThrow(
      /MIN_EXPIRES_IN must not be larger/,
    );
    expect(() => loadConfig({ DEFAULT_EXPIRES_IN: '60' })).toThrow(/DEFAULT_EXPIRES_IN must lie between/);
    expect(() => loadConfig({ REDIS_URL: 'redis://a', REDIS_CLUSTER_NODES: 'b:1' })).toThrow(
      'Set only one of REDIS_URL, REDIS_CLUSTER_NODES and REDIS_SENTINELS, not both REDIS_URL and REDIS_CLUSTER_NODES.',
    );
  });

  it('reads Redis Sentinel settings: both together, instead of the other ways to Redis', () => {
    const sentinel = { REDIS_SENTINELS: 'sentinel-1:26379,10.0.0.7:26380', REDIS_SENTINEL_NAME: 'burnlink-primary' };
    expect(loadConfig(sentinel)).toMatchObject({
      redisSentinels: 'sentinel-1:26379,10.0.0.7:26380',
      redisSentinelName: 'burnlink-primary',
    });
    expect(parseHostPorts('sentinel-1:26379,10.0.0.7:26380')).toEqual([
      { host: 'sentinel-1', port: 26379 },
      { host: '10.0.0.7', port: 26380 },
    ]);
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (error) {
        return (error as ConfigError).problems;
      }
    };
    expect(problems({ REDIS_SENTINELS: 'a:26379' })).toEqual([
      'REDIS_SENTINELS and REDIS_SENTINEL_NAME go together: the Sentinels, and the name of the primary.',
    ]);
    expect(problems({ REDIS_SENTINEL_NAME: 'mymaster' })).toHaveLength(1);
    expect(problems({ ...sentinel, REDIS_URL: 'redis://a', REDIS_CLUSTER_NODES: 'b:1' })).toEqual([
      'Set only one of REDIS_URL, REDIS_CLUSTER_NODES and REDIS_SENTINELS, not all three.',
    ]);
    for (const bad of ['a', 'a:', ':26379', 'a:26379,', 'a:26379;b:26379', 'a b:26379', 'a:123456']) {
      expect(problems({ REDIS_SENTINELS: bad, REDIS_SENTINEL_NAME: 'mymaster' }), bad).toEqual([
        `REDIS_SENTINELS must be a comma-separated list of host:port of the Redis Sentinels (with REDIS_SENTINEL_NAME) (got ${JSON.stringify(bad)}).`,
      ]);
    }
    for (const bad of ['a:0', 'a:26379,b:65536']) {
      expect(problems({ REDIS_SENTINELS: bad, REDIS_SENTINEL_NAME: 'mymaster' }), bad).toEqual([
        expect.stringMatching(/^REDIS_SENTINELS must be .*, each port from 1 to 65535 \(got /),
      ]);
    }
    expect(problems({ REDIS_CLUSTER_NODES: 'a:70000' })).toEqual([
      expect.stringMatching(/^REDIS_CLUSTER_NODES must be .*, each port from 1 to 65535/),
    ]);
    for (const bad of ['my master', 'a'.repeat(101), 'name\n']) {
      expect(problems({ REDIS_SENTINELS: 'a:26379', REDIS_SENTINEL_NAME: bad }), bad).toEqual([
        expect.stringMatching(/^REDIS_SENTINEL_NAME must be the name the Sentinels monitor the primary under/),
      ]);
    }
  });

  it('reads the email alert settings, wants MAIL_FROM with SMTP_URL, and never repeats the SMTP password', () => {
    expect(
      loadConfig({
        SMTP_URL: 'smtps://alerts:hunter2@mail.example:465',
        MAIL_FROM: 'burnlink <alerts@example.com>',
        PUBLIC_URL: 'https://secrets.example.com',
      }),
    ).toMatchObject({
      smtpUrl: 'smtps://alerts:hunter2@mail.example:465',
      mailFrom: 'burnlink <alerts@example.com>',
      publicUrl: 'https://secrets.example.com',
    });
    expect(loadConfig({}).smtpUrl).toBeUndefined();
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.example' })).toThrow(/MAIL_FROM must be set when SMTP_URL is/);
    const options = 'smtp://mail.example?requireTLS=true&tls.rejectUnauthorized=false&name=burnlink.example';
    expect(loadConfig({ SMTP_URL: options, MAIL_FROM: 'alerts@example.com' }).smtpUrl).toBe(options);
    for (const bad of [
      'http://alerts:hunter2@mail.example',
      'smtp://alerts:hunter2@',
      'smtp://alerts:hunter2@:25',
      'smtp://alerts:hunter2@mail.example/path',
      // nodemailer would take these from a URL and log the login and addresses.
      'smtp://alerts:hunter2@mail.example?debug=true',
      'smtp://alerts:hunter2@mail.example?logger=true',
      'smtp://alerts:hunter2%@mail.example',
    ]) {
      const error = (() => {
        try {
          loadConfig({ SMTP_URL: bad, MAIL_FROM: 'alerts@example.com' });
        } catch (e) {
          return e as ConfigError;
        }
      })();
      expect(error?.problems, bad).toEqual([
        expect.stringMatching(/^SMTP_URL must be the SMTP server for email alerts/),
      ]);
      expect(error?.message, bad).not.toContain('hunter2');
    }
    for (const bad of ['alerts', 'a@b\r\nBcc: c@d', 'Name <alerts>']) {
      expect(() => loadConfig({ MAIL_FROM: bad }), bad).toThrow(/MAIL_FROM must be the sender of email alerts/);
    }
    for (const bad of ['http://secrets.example.com', 'https://secrets.example.com/path', 'secrets.example.com']) {
      expect(() => loadConfig({ PUBLIC_URL: bad }), bad).toThrow(/PUBLIC_URL must be the site's https:\/\/ address/);
    }
  });
});
