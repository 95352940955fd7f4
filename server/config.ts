/**
 * The server's configuration: one schema, each property tied to its environment
 * variable, default and range. `loadConfig` is the only place that reads the
 * environment; everything else receives the typed Config.
 */
import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import { Type, type Static, type TSchema } from 'typebox';
import { parseSmtpUrl } from './alerts/smtp-url.js';

const MiB = 1024 * 1024;
const DAY = 86_400;
/** `host:port,host:port,…`; each port's range is checked in checkConfig. */
/** One line of text, 1 to `max` characters, no control characters. */
const ONE_LINE = (max: number) => `^[^\\u0000-\\u001f\\u007f]{1,${max}}$`;
/** An https:// address, or a path on this site (not //host, which would leave it). */
const LINK = '^(https://[^\\s"<>]+|/([^/\\s"<>][^\\s"<>]*)?)$';
const linkText = (what: string) => `the ${what} link in the footer: an https:// address or a path starting with /`;
/** The largest logo read at start-up: it is sent on every page view. */
export const MAX_LOGO_BYTES = 256 * 1024;
const HOST_PORT_LIST = '^[^,:\\s]+:[0-9]{1,5}(,[^,:\\s]+:[0-9]{1,5})*$';
/** The hosts where plain http:// is taken, for testing: this machine, never the network. */
const LOOPBACK_HOST = '(localhost|127\\.0\\.0\\.1|\\[::1\\])';
/** HTTP header names (RFC 9110 tokens), comma-separated. */
const HEADER_NAME_LIST = "^[A-Za-z0-9!#$%&'*+.^_`|~-]+( *, *[A-Za-z0-9!#$%&'*+.^_`|~-]+)*$";
/** DNS names, comma-separated. */
const DOMAIN_LIST = '^[A-Za-z0-9.-]+\\.[A-Za-z0-9-]+( *, *[A-Za-z0-9.-]+\\.[A-Za-z0-9-]+)*$';

export const ConfigSchema = Type.Object({
  port: Type.Integer({
    env: 'PORT',
    default: 3000,
    minimum: 0,
    maximum: 65535,
    description: 'the TCP port to listen on',
  }),
  host: Type.String({ env: 'HOST', default: '127.0.0.1', minLength: 1, description: 'the address to listen on' }),
  workers: Type.Union([Type.Literal('auto'), Type.Integer({ minimum: 1, maximum: 256 })], {
    env: 'WORKERS',
    default: 1,
    description:
      'the number of server processes sharing the port, from 1 to 256, or auto (one per available core); ' +
      'more than 1 needs Redis',
  }),
  metricsPort: Type.Optional(
    Type.Integer({
      env: 'METRICS_PORT',
      minimum: 0,
      maximum: 65535,
      description: 'the TCP port for Prometheus metrics at /metrics, on HOST; unset means no metrics',
    }),
  ),
  redisUrl: Type.Optional(
    Type.String({
      env: 'REDIS_URL',
      pattern: '^rediss?://',
      description: 'a redis:// or rediss:// URL; unset means the in-memory store',
    }),
  ),
  redisClusterNodes: Type.Optional(
    Type.String({
      env: 'REDIS_CLUSTER_NODES',
      pattern: HOST_PORT_LIST,
      description: 'a comma-separated list of host:port seeds of a Redis Cluster',
    }),
  ),
  redisSentinels: Type.Optional(
    Type.String({
      env: 'REDIS_SENTINELS',
      pattern: HOST_PORT_LIST,
      description: 'a comma-separated list of host:port of the Redis Sentinels (with REDIS_SENTINEL_NAME)',
    }),
  ),
  redisSentinelName: Type.Optional(
    Type.String({
      env: 'REDIS_SENTINEL_NAME',
      // No spaces: the name is a word in the Sentinels' event messages.
      pattern: '^[A-Za-z0-9._-]{1,100}$',
      description: 'the name the Sentinels monitor the primary under (letters, digits, dots, dashes, underscores)',
    }),
  ),
  redisCommandTimeoutMs: Type.Integer({
    env: 'REDIS_COMMAND_TIMEOUT_MS',
    default: 1000,
    minimum: 100,
    maximum: 60_000,
    description: 'how long to wait for Redis to answer a command before answering 503, in milliseconds',
  }),
  maxSecretBytes: Type.Integer({
    env: 'MAX_SECRET_BYTES',
    default: 8 * MiB,
    minimum: 2048,
    maximum: 64 * MiB,
    description: 'the largest envelope accepted, in bytes',
  }),
  // Fastify's trustProxy. true believes every X-Forwarded-For entry, the client's own
  // included; the proxies' addresses take only what those proxies added. (Fastify has
  // dropped hop counts: they cannot tell a proxy from a client talking directly.)
  // Not 1 for true: elsewhere (Express) TRUST_PROXY=1 means one hop, which here would
  // silently trust every address.
  trustProxy: Type.Union(
    [Type.Boolean({ numeric: false }), Type.String({ pattern: '^[0-9A-Za-z:./]+( *, *[0-9A-Za-z:./]+)*$' })],
    {
      env: 'TRUST_PROXY',
      default: false,
      description:
        'false, true, or the addresses of the proxies in front, comma-separated ' +
        '(IPs, CIDR ranges, loopback, linklocal, uniquelocal)',
    },
  ),
  createAuth: Type.Union([Type.Literal('none'), Type.Literal('header'), Type.Literal('oidc')], {
    env: 'CREATE_AUTH',
    default: 'none',
    description:
      'who may create secrets and requests: none (anyone), header (users a trusted proxy names, see AUTH_HEADER), ' +
      'or oidc (users signed in through OIDC_ISSUER); API tokens work with any; reading and answering stay open',
  }),
  apiTokensFile: Type.Optional(
    Type.String({
      env: 'API_TOKENS_FILE',
      minLength: 1,
      description:
        'the JSON file of API tokens (their names and hashes) that burnlink-admin writes and the server re-reads ' +
        'when it changes; unset means no API tokens',
    }),
  ),
  authHeader: Type.String({
    env: 'AUTH_HEADER',
    default: 'x-forwarded-email,x-forwarded-user',
    pattern: HEADER_NAME_LIST,
    description:
      'the headers naming the user (CREATE_AUTH=header), comma-separated, the first one present counting; ' +
      'believed only from the addresses in TRUST_PROXY',
  }),
  oidcIssuer: Type.Optional(
    Type.String({
      env: 'OIDC_ISSUER',
      pattern: `^(https://[^/?#\\s]+|http://${LOOPBACK_HOST}(:[0-9]{1,5})?)(/[^?#\\s]*)?$`,
      description:
        "the OpenID provider's issuer URL (CREATE_AUTH=oidc): https://, or http:// only on localhost or " +
        '127.0.0.1, for testing',
    }),
  ),
  oidcClientId: Type.Optional(
    Type.String({
      env: 'OIDC_CLIENT_ID',
      pattern: '^[\\x21-\\x7e]{1,255}$',
      description: 'the client id this site has at the OpenID provider (CREATE_AUTH=oidc), without spaces',
    }),
  ),
  oidcClientSecret: Type.Optional(
    Type.String({
      env: 'OIDC_CLIENT_SECRET',
      pattern: '^\\S{1,1024}$',
      sensitive: true,
      description: 'the client secret that goes with OIDC_CLIENT_ID, without spaces',
    }),
  ),
  oidcAllowedDomains: Type.Optional(
    Type.String({
      env: 'OIDC_ALLOWED_DOMAINS',
      pattern: DOMAIN_LIST,
      description:
        'the email domains whose users may create (CREATE_AUTH=oidc), comma-separated (example.com,example.org); ' +
        'a user must have a verified email in one of them',
    }),
  ),
  oidcAllowedGroups: Type.Optional(
    Type.String({
      env: 'OIDC_ALLOWED_GROUPS',
      pattern: '^[^,\\s]+( *, *[^,\\s]+)*$',
      description:
        'the groups whose members may create (CREATE_AUTH=oidc), comma-separated, as the provider names them ' +
        'in OIDC_GROUPS_CLAIM',
    }),
  ),
  oidcGroupsClaim: Type.String({
    env: 'OIDC_GROUPS_CLAIM',
    default: 'groups',
    pattern: '^[A-Za-z0-9_:./-]{1,100}$',
    description: "the claim of the provider's ID token or userinfo that lists a user's groups",
  }),
  sessionSecret: Type.Optional(
    Type.String({
      env: 'SESSION_SECRET',
      pattern: '^\\S{32,1024}$',
      sensitive: true,
      description:
        'the key that signs the sign-in cookies (CREATE_AUTH=oidc), at least 32 characters without spaces ' +
        '(openssl rand -base64 32); the same on every server of one site',
    }),
  ),
  sessionMaxAgeSeconds: Type.Integer({
    env: 'SESSION_MAX_AGE_SECONDS',
    default: 8 * 3600,
    minimum: 300,
    maximum: 30 * DAY,
    description: 'how long a sign-in lasts before the user signs in again (CREATE_AUTH=oidc), in seconds',
  }),
  rateLimitCreate: Type.Integer({
    env: 'RATE_LIMIT_CREATE',
    default: 30,
    minimum: 0,
    maximum: 1_000_000,
    description: 'secrets one client address may create per minute; 0 turns the limit off',
  }),
  rateLimitReveal: Type.Integer({
    env: 'RATE_LIMIT_REVEAL',
    default: 60,
    minimum: 0,
    maximum: 1_000_000,
    description: 'status and reveal requests one client address may make per minute; 0 turns the limit off',
  }),
  rateLimitManage: Type.Integer({
    env: 'RATE_LIMIT_MANAGE',
    default: 60,
    minimum: 0,
    maximum: 1_000_000,
    description: 'receipt and burn requests one client address may make per minute; 0 turns the limit off',
  }),
  rateLimitSignIn: Type.Integer({
    env: 'RATE_LIMIT_SIGN_IN',
    default: 30,
    minimum: 0,
    maximum: 1_000_000,
    description:
      'sign-in requests (/auth/login and /auth/callback together, CREATE_AUTH=oidc) one client address may make ' +
      'per minute; 0 turns the limit off',
  }),
  rateLimitIpv6Prefix: Type.Integer({
    env: 'RATE_LIMIT_IPV6_PREFIX',
    default: 64,
    minimum: 16,
    maximum: 128,
    description: 'the prefix length by which IPv6 clients are counted: every address of one such network is one client',
  }),
  byteBudgetMibDays: Type.Integer({
    env: 'BYTE_BUDGET_MIB_DAYS',
    default: 64,
    minimum: 0,
    maximum: 65_536,
    description:
      'what one client address may keep stored, in MiB·days (size × days kept), refilled over ' +
      'BYTE_BUDGET_WINDOW_SECONDS; 0 turns the budget off',
  }),
  byteBudgetWindowSeconds: Type.Integer({
    env: 'BYTE_BUDGET_WINDOW_SECONDS',
    default: 7 * DAY,
    minimum: 60,
    maximum: 365 * DAY,
    description: 'how long a spent byte budget takes to come back in full, in seconds',
  }),
  storeHeadroomPercent: Type.Integer({
    env: 'STORE_HEADROOM_PERCENT',
    default: 25,
    minimum: 0,
    maximum: 90,
    description:
      'the share of the store (MEMORY_STORE_BYTES, or Redis maxmemory) kept for small secrets: once the rest is ' +
      'used, only secrets up to 16 KiB that expire within a day are taken; 0 turns it off',
  }),
  createBytesInFlight: Type.Integer({
    env: 'CREATE_BYTES_IN_FLIGHT',
    default: 64 * MiB,
    minimum: 0,
    maximum: 16_384 * MiB,
    description: 'the most bytes of create bodies this process receives at once; 0 turns the cap off',
  }),
  maxUploadsPerClient: Type.Integer({
    env: 'MAX_UPLOADS_PER_CLIENT',
    default: 4,
    minimum: 0,
    maximum: 10_000,
    description: 'the most creates one client address may be sending at once; 0 turns the cap off',
  }),
  minExpiresIn: Type.Integer({
    env: 'MIN_EXPIRES_IN',
    default: 300,
    minimum: 1,
    maximum: 365 * DAY,
    description: 'the shortest expiry a sender may pick, in seconds',
  }),
  maxExpiresIn: Type.Integer({
    env: 'MAX_EXPIRES_IN',
    default: 30 * DAY,
    minimum: 1,
    maximum: 365 * DAY,
    description: 'the longest expiry a sender may pick, in seconds',
  }),
  defaultExpiresIn: Type.Integer({
    env: 'DEFAULT_EXPIRES_IN',
    default: DAY,
    minimum: 1,
    maximum: 365 * DAY,
    description: 'the expiry when the sender picks none, in seconds',
  }),
  maxViews: Type.Integer({
    env: 'MAX_VIEWS',
    default: 100,
    minimum: 1,
    maximum: 10_000,
    description: 'the most views a sender may allow',
  }),
  maxPassphraseAttempts: Type.Integer({
    env: 'MAX_PASSPHRASE_ATTEMPTS',
    default: 10,
    minimum: 1,
    maximum: 255,
    description: 'wrong passphrases after which a secret is destroyed',
  }),
  receiptRetentionSeconds: Type.Integer({
    env: 'RECEIPT_RETENTION_SECONDS',
    default: 7 * DAY,
    minimum: 0,
    maximum: 365 * DAY,
    description: "how long a sender's receipt outlives its secret, in seconds",
  }),
  memoryStoreBytes: Type.Integer({
    env: 'MEMORY_STORE_BYTES',
    default: 256 * MiB,
    minimum: 64 * 1024,
    maximum: 16_384 * MiB,
    description: 'the byte budget of the in-memory store',
  }),
  headersTimeoutMs: Type.Integer({
    env: 'HEADERS_TIMEOUT_MS',
    default: 20_000,
    minimum: 1000,
    maximum: 600_000,
    description: 'how long a client may take to send its request headers, in milliseconds',
  }),
  requestTimeoutMs: Type.Integer({
    env: 'REQUEST_TIMEOUT_MS',
    default: 30_000,
    minimum: 1000,
    maximum: 600_000,
    description: 'how long a client may take to send a whole request (headers and body), in milliseconds',
  }),
  smtpUrl: Type.Optional(
    Type.String({
      env: 'SMTP_URL',
      pattern: '^smtps?://\\S+$',
      // Never echoed in an error: it may hold the SMTP password.
      sensitive: true,
      description:
        'the SMTP server for email alerts: smtp://host:587 (STARTTLS when offered) or smtps://host:465 (TLS), ' +
        'with credentials as smtp://user:password@host:587 (percent-encoded), and optionally ?requireTLS=true, ' +
        '?tls.rejectUnauthorized=false or ?name=EHLO-NAME; unset means no alerts',
    }),
  ),
  mailFrom: Type.Optional(
    Type.String({
      env: 'MAIL_FROM',
      pattern: '^([^<>\\r\\n]*<[^\\s@<>]+@[^\\s@<>]+>|[^\\s@<>]+@[^\\s@<>]+)$',
      description:
        'the sender of email alerts, as alerts@example.com or "burnlink <alerts@example.com>"; needed with SMTP_URL',
    }),
  ),
  publicUrl: Type.Optional(
    Type.String({
      env: 'PUBLIC_URL',
      pattern: `^(https://[^/?#\\s]+|http://${LOOPBACK_HOST}(:[0-9]{1,5})?)/?$`,
      description:
        "the site's https:// address (https://secrets.example.com; http:// only on localhost or 127.0.0.1, for " +
        'testing), the one link email alerts may carry and where the OpenID provider sends users back to; ' +
        'unset means alerts carry no link',
    }),
  ),
  // Branding and operator switches (README, "Branding"; docs/OPERATIONS.md): text the page
  // shows as text, never as HTML, and links checked here so none can be javascript: or http:.
  brandName: Type.String({
    env: 'BRAND_NAME',
    default: 'burnlink',
    pattern: ONE_LINE(60),
    description: "the product name in the page's header and title, up to 60 characters on one line",
  }),
  brandOperator: Type.Optional(
    Type.String({
      env: 'BRAND_OPERATOR',
      pattern: ONE_LINE(100),
      description:
        'who runs this site (Rosa Café GmbH), named on every page (in the footer, or on the recipient’s page ' +
        'beside "What is this?"), up to 100 characters on one line',
    }),
  ),
  brandLogo: Type.Optional(
    Type.String({
      env: 'BRAND_LOGO',
      pattern: '^[^\\u0000]+\\.([sS][vV][gG]|[pP][nN][gG])$',
      description: `the path of a logo file, .svg or .png, up to ${MAX_LOGO_BYTES / 1024} KiB, read at start-up`,
    }),
  ),
  brandAccent: Type.Optional(
    Type.String({
      env: 'BRAND_ACCENT',
      pattern: '^#[0-9A-Fa-f]{6}$',
      description: 'the accent colour as #rrggbb (buttons, the name in the header)',
    }),
  ),
  brandLead: Type.Optional(
    Type.String({
      env: 'BRAND_LEAD',
      pattern: ONE_LINE(300),
      description: "the home page's lead text, plain text up to 300 characters on one line",
    }),
  ),
  brandImprintUrl: Type.Optional(
    Type.String({ env: 'BRAND_IMPRINT_URL', pattern: LINK, description: linkText('imprint') }),
  ),
  brandPrivacyUrl: Type.Optional(
    Type.String({ env: 'BRAND_PRIVACY_URL', pattern: LINK, description: linkText('privacy policy') }),
  ),
  brandTermsUrl: Type.Optional(Type.String({ env: 'BRAND_TERMS_URL', pattern: LINK, description: linkText('terms') })),
  allowFiles: Type.Boolean({
    env: 'ALLOW_FILES',
    default: true,
    description:
      'whether the page and the CLI offer attaching files; the server cannot see inside an envelope, so this ' +
      'is what they offer, not something the server can enforce (MAX_SECRET_BYTES bounds every envelope)',
  }),
  expiryChoices: Type.Optional(
    Type.String({
      env: 'EXPIRY_CHOICES',
      pattern: '^ *[0-9]{1,8}[smhdw]? *(, *[0-9]{1,8}[smhdw]? *){0,11}$',
      description:
        'the expiries the page offers, comma-separated, each in seconds or with s, m, h, d or w (1h,1d,7d), ' +
        'at most 12, each between MIN_EXPIRES_IN and MAX_EXPIRES_IN, DEFAULT_EXPIRES_IN among them',
    }),
  ),
  requirePassphrase: Type.Boolean({
    env: 'REQUIRE_PASSPHRASE',
    default: false,
    description: 'whether every secret must have a passphrase (a create without one is refused)',
  }),
  allowRequests: Type.Boolean({
    env: 'ALLOW_REQUESTS',
    default: true,
    description: 'whether new requests for a secret may be made; requests already made stay open to answer',
  }),
  auditLog: Type.String({
    env: 'AUDIT_LOG',
    default: 'off',
    pattern: '^[^\\u0000]+$',
    description: 'where the audit log goes, as JSON lines: off, stdout, or the path of a file to append to',
  }),
  logLevel: Type.Union(
    [
      Type.Literal('fatal'),
      Type.Literal('error'),
      Type.Literal('warn'),
      Type.Literal('info'),
      Type.Literal('debug'),
      Type.Literal('trace'),
      Type.Literal('silent'),
    ],
    { env: 'LOG_LEVEL', default: 'info', description: 'one of fatal, error, warn, info, debug, trace, silent' },
  ),
  webRoot: Type.String({
    env: 'WEB_ROOT',
    default: 'dist/public',
    minLength: 1,
    description: 'the folder holding the built page (relative to the working directory)',
  }),
});

export type Config = Static<typeof ConfigSchema>;

/** One message per bad variable, each naming the variable and what it takes. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

type Property = TSchema & { env: string; description: string; default?: unknown; sensitive?: boolean };

/** Reads and validates the configuration from environment variables. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const config: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, schema] of Object.entries(ConfigSchema.properties) as unknown as [string, Property][]) {
    const raw = env[schema.env];
    if (raw === undefined || raw === '') {
      if (schema.default !== undefined) config[key] = schema.default;
      continue;
    }
    const value = parseValue(schema, raw);
    if (value === undefined)
      problems.push(
        `${schema.env} must be ${expectation(schema)} (got ${schema.sensitive ? 'a value not shown here' : JSON.stringify(raw)}).`,
      );
    else config[key] = value;
  }
  return checkConfig(config as Config, problems);
}

/** Fills defaults into a partial config, for tests and embedders; throws ConfigError. */
export function defaultConfig(overrides: Partial<Config> = {}): Config {
  return checkConfig({ ...loadConfig({}), ...overrides }, []);
}

function checkConfig(config: Config, problems: string[]): Config {
  if (typeof config.trustProxy === 'string' && !config.trustProxy.split(/ *, */).every(isProxyAddress)) {
    const { description } = ConfigSchema.properties.trustProxy as unknown as Property;
    problems.push(`TRUST_PROXY must be ${description} (got ${JSON.stringify(config.trustProxy)}).`);
  }
  if (problems.length === 0) {
    if (config.minExpiresIn > config.maxExpiresIn) {
      problems.push('MIN_EXPIRES_IN must not be larger than MAX_EXPIRES_IN.');
    } else if (config.defaultExpiresIn < config.minExpiresIn || config.defaultExpiresIn > config.maxExpiresIn) {
      problems.push('DEFAULT_EXPIRES_IN must lie between MIN_EXPIRES_IN and MAX_EXPIRES_IN.');
    }
    if (config.headersTimeoutMs > config.requestTimeoutMs) {
      problems.push('HEADERS_TIMEOUT_MS must not be larger than REQUEST_TIMEOUT_MS.');
    }
    if (config.metricsPort !== undefined && config.metricsPort !== 0 && config.metricsPort === config.port) {
      problems.push('METRICS_PORT must differ from PORT: metrics are kept off the public port.');
    }
    problems.push(...redisProblems(config));
    problems.push(...workersProblems(config));
    problems.push(...smtpProblems(config));
    problems.push(...createAuthProblems(config));
    problems.push(...brandProblems(config));
    problems.push(...expiryChoiceProblems(config));
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** One way to reach Redis at most; the Sentinels with the name they know the primary by; real ports. */
function redisProblems(config: Config): string[] {
  const problems: string[] = [];
  const ways = (['redisUrl', 'redisClusterNodes', 'redisSentinels'] as const).filter(
    (key) => config[key] !== undefined,
  );
  if (ways.length > 1) {
    const names = ways.map((key) => (ConfigSchema.properties[key] as unknown as Property).env);
    const set = names.length === 2 ? `both ${names.join(' and ')}` : 'all three';
    problems.push(`Set only one of REDIS_URL, REDIS_CLUSTER_NODES and REDIS_SENTINELS, not ${set}.`);
  }
  if ((config.redisSentinels === undefined) !== (config.redisSentinelName === undefined)) {
    problems.push('REDIS_SENTINELS and REDIS_SENTINEL_NAME go together: the Sentinels, and the name of the primary.');
  }
  for (const key of ['redisClusterNodes', 'redisSentinels'] as const) {
    const list = config[key];
    if (list !== undefined && parseHostPorts(list).some(({ port }) => port < 1 || port > 65535)) {
      const { env, description } = ConfigSchema.properties[key] as unknown as Property;
      problems.push(`${env} must be ${description}, each port from 1 to 65535 (got ${JSON.stringify(list)}).`);
    }
  }
  return problems;
}

/** How many server processes WORKERS asks for: `auto` is one per core this process may use. */
export function workerCount(config: Pick<Config, 'workers'>): number {
  return config.workers === 'auto' ? availableParallelism() : config.workers;
}

/** Several processes need a store they all share. */
function workersProblems(config: Config): string[] {
  const count = workerCount(config);
  if (count === 1 || config.redisUrl || config.redisClusterNodes || config.redisSentinels) return [];
  const asked = config.workers === 'auto' ? `auto, ${count} on this machine` : String(count);
  return [
    `WORKERS must be 1 with the in-memory store (got ${asked}): each process would keep secrets of its own, so a ` +
      'link created through one process would not open through another. Set REDIS_URL, REDIS_CLUSTER_NODES or ' +
      'REDIS_SENTINELS to run several processes.',
  ];
}

/** `host:port,host:port,…` (REDIS_CLUSTER_NODES, REDIS_SENTINELS) as ioredis takes it. */
export function parseHostPorts(list: string): { host: string; port: number }[] {
  return list.split(',').map((entry) => {
    const [host, port] = entry.split(':');
    return { host: host!, port: Number(port) };
  });
}

/** SMTP_URL must name a server (its text is never repeated: it may hold a password); MAIL_FROM goes with it. */
function smtpProblems({ smtpUrl, mailFrom }: Config): string[] {
  if (smtpUrl === undefined) return [];
  const problems: string[] = [];
  const { pattern, description } = ConfigSchema.properties.smtpUrl as unknown as Property & { pattern: string };
  if (!new RegExp(pattern).test(smtpUrl) || !parseSmtpUrl(smtpUrl)) {
    problems.push(`SMTP_URL must be ${description} (got a value not shown here).`);
  }
  if (mailFrom === undefined) {
    problems.push('MAIL_FROM must be set when SMTP_URL is: the address email alerts are sent from.');
  }
  return problems;
}

/** The OIDC_* and SESSION_* variables a CREATE_AUTH mode needs, and the proxies header mode believes. */
function createAuthProblems(config: Config): string[] {
  const problems: string[] = [];
  if (config.createAuth === 'header' && typeof config.trustProxy !== 'string') {
    problems.push(
      config.trustProxy
        ? 'TRUST_PROXY must name the addresses of your auth proxy with CREATE_AUTH=header, not true: true would ' +
            'believe an identity header from anyone who can reach this server.'
        : 'TRUST_PROXY must name the addresses of your auth proxy with CREATE_AUTH=header: the identity header ' +
            '(AUTH_HEADER) is believed only from them.',
    );
  }
  const oidcSet = OIDC_KEYS.filter((key) => config[key] !== undefined);
  if (config.createAuth !== 'oidc') {
    if (oidcSet.length > 0) {
      const names = oidcSet.map((key) => (ConfigSchema.properties[key] as unknown as Property).env).join(', ');
      problems.push(
        `${names} ${oidcSet.length === 1 ? 'is' : 'are'} set, but CREATE_AUTH is ${config.createAuth}, not oidc: ` +
          'set CREATE_AUTH=oidc for sign-in to be required, or remove them.',
      );
    }
    return problems;
  }
  const missing = (['oidcIssuer', 'oidcClientId', 'oidcClientSecret', 'sessionSecret', 'publicUrl'] as const).filter(
    (key) => config[key] === undefined,
  );
  if (missing.length > 0) {
    const names = missing.map((key) => (ConfigSchema.properties[key] as unknown as Property).env).join(', ');
    problems.push(`CREATE_AUTH=oidc needs ${names} (see docs/OPERATIONS.md, "Who may create").`);
  }
  if (config.oidcAllowedDomains === undefined && config.oidcAllowedGroups === undefined) {
    problems.push(
      'CREATE_AUTH=oidc needs OIDC_ALLOWED_DOMAINS or OIDC_ALLOWED_GROUPS (or both): without either, everyone ' +
        'the provider signs in could create, which with a public provider is anyone.',
    );
  }
  return problems;
}

/** The variables of sign-in through an OpenID provider: set only with CREATE_AUTH=oidc. */
const OIDC_KEYS = [
  'oidcIssuer',
  'oidcClientId',
  'oidcClientSecret',
  'oidcAllowedDomains',
  'oidcAllowedGroups',
  'sessionSecret',
] as const;

/** Splits a comma-separated list (AUTH_HEADER, OIDC_ALLOWED_DOMAINS, …) into its trimmed entries. */
export function listOf(value: string | undefined): string[] {
  return value === undefined ? [] : value.split(',').map((entry) => entry.trim());
}

const BRAND_KEYS = [
  'brandName',
  'brandOperator',
  'brandLogo',
  'brandAccent',
  'brandLead',
  'brandImprintUrl',
  'brandPrivacyUrl',
  'brandTermsUrl',
  'expiryChoices',
  'auditLog',
] as const;

/**
 * The brand's texts and links as the environment would have to give them (a config
 * built in code skips the parsing), and each https:// link an address a browser takes.
 */
function brandProblems(config: Config): string[] {
  const problems: string[] = [];
  for (const key of BRAND_KEYS) {
    const value = config[key];
    const { env, description, pattern } = ConfigSchema.properties[key] as unknown as Property & { pattern: string };
    if (value !== undefined && !new RegExp(pattern).test(value)) {
      problems.push(`${env} must be ${description} (got ${JSON.stringify(value)}).`);
    }
  }
  for (const key of ['brandImprintUrl', 'brandPrivacyUrl', 'brandTermsUrl'] as const) {
    const value = config[key];
    if (value?.startsWith('https://') && !URL.canParse(value)) {
      const { env } = ConfigSchema.properties[key] as unknown as Property;
      problems.push(`${env} must be a valid https:// address (got ${JSON.stringify(value)}).`);
    }
  }
  return problems;
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

/** EXPIRY_CHOICES in seconds, ascending, without repeats; undefined when not set. */
export function parseExpiryChoices(list: string | undefined): number[] | undefined {
  if (list === undefined) return undefined;
  const seconds = list.split(',').map((entry) => {
    const [, amount, unit] = /^ *([0-9]+)([smhdw]?) *$/.exec(entry) ?? [];
    return Number(amount) * (UNIT_SECONDS[unit || 's'] ?? Number.NaN);
  });
  return [...new Set(seconds)].sort((a, b) => a - b);
}

/** The choices the page offers lie within what the server accepts, the default among them. */
function expiryChoiceProblems(config: Config): string[] {
  const choices = parseExpiryChoices(config.expiryChoices);
  if (choices === undefined || config.minExpiresIn > config.maxExpiresIn) return [];
  const outside = choices.filter((s) => !(s >= config.minExpiresIn && s <= config.maxExpiresIn));
  if (outside.length > 0) {
    return [
      `EXPIRY_CHOICES must lie between MIN_EXPIRES_IN (${config.minExpiresIn}) and MAX_EXPIRES_IN ` +
        `(${config.maxExpiresIn}) seconds; ${outside.map((s) => `${s} s`).join(', ')} do not.`,
    ];
  }
  if (!choices.includes(config.defaultExpiresIn)) {
    return [
      `DEFAULT_EXPIRES_IN (${config.defaultExpiresIn} s) must be one of EXPIRY_CHOICES ` +
        `(${choices.join(', ')} seconds).`,
    ];
  }
  return [];
}

/** An address or range as Fastify's trustProxy (proxy-addr) takes it. */
function isProxyAddress(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address!);
  if (family === 0 || rest.length > 0) return false;
  // Not /0: proxy-addr refuses it (and trusting every address is what `true` says).
  if (prefix === undefined) return true;
  return /^[0-9]{1,3}$/.test(prefix) && Number(prefix) >= 1 && Number(prefix) <= (family === 4 ? 32 : 128);
}

function parseValue(schema: Property, raw: string): unknown {
  const s = schema as Property & Record<string, unknown>;
  if (s.type === 'integer') {
    if (!/^[0-9]{1,16}$/.test(raw)) return undefined;
    const n = Number(raw);
    return n >= (s.minimum as number) && n <= (s.maximum as number) ? n : undefined;
  }
  if (s.type === 'boolean') {
    if (s.numeric === false && /^[0-9]+$/.test(raw)) return undefined;
    const lower = raw.toLowerCase();
    if (['1', 'true', 'yes', 'on'].includes(lower)) return true;
    if (['0', 'false', 'no', 'off'].includes(lower)) return false;
    return undefined;
  }
  if (Array.isArray(s.anyOf)) {
    // The first option that takes the text: a literal equal to it, or a type that parses it.
    for (const option of s.anyOf as (Property & { const?: unknown })[]) {
      const value = 'const' in option ? (option.const === raw ? raw : undefined) : parseValue(option, raw);
      if (value !== undefined) return value;
    }
    return undefined;
  }
  if (typeof s.pattern === 'string' && !new RegExp(s.pattern).test(raw)) return undefined;
  return raw;
}

function expectation(schema: Property): string {
  const s = schema as Property & Record<string, unknown>;
  if (s.type === 'integer')
    return `a whole number from ${String(s.minimum)} to ${String(s.maximum)}: ${schema.description}`;
  if (s.type === 'boolean') return `true or false: ${schema.description}`;
  return schema.description;
}
