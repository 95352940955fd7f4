/**
 * fast-check generators of hostile requests for fuzz.test.ts, one family per group of
 * routes. Every part of a request (method, path, id, proofs, body, content type,
 * headers) is drawn from valid values, near misses and garbage, so requests reach the
 * deep paths (real secrets, right proofs) as well as every refusal.
 */
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';

/** A secret the fuzzer may hit with its real id, proofs and token. */
export interface KnownSecret {
  id: string;
  access: string;
  unlock?: string;
  manageToken: string;
}

type Request = InjectOptions & { method: string; url: string; headers: Record<string, string> };

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const b64 = (minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...B64URL), minLength, maxLength });

const nasty = fc.constantFrom(
  '',
  ' ',
  '..',
  '../../etc/passwd',
  '..\\..\\boot.ini',
  '\u0000',
  '\u202e',
  '{x}',
  '*',
  '$ne',
  "'; DROP TABLE x; --",
  '<script>alert(1)</script>',
  '\ud800',
  'null',
  '__proto__',
  'constructor',
  'é'.repeat(50),
  '💥'.repeat(200),
  '\r\n\r\nX: y',
);
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  nasty,
);
const printable = fc.string({ unit: 'grapheme-ascii', maxLength: 80 });

const numbers = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(
    0,
    -0,
    -1,
    1,
    1.5,
    100,
    101,
    299,
    300,
    2_592_000,
    2_592_001,
    2 ** 31,
    2 ** 53 + 2,
    1e308,
    -1e308,
    Number.MIN_VALUE,
  ),
);
const jsonValue: fc.Arbitrary<unknown> = fc.oneof(
  text,
  numbers,
  fc.boolean(),
  fc.constant(null),
  fc.array(text, { maxLength: 3 }),
  fc.dictionary(text, text, { maxKeys: 3 }),
);

/** Canonical base64url of 32 bytes: 43 characters, the last with its 2 spare bits zero. */
const validProof = fc.tuple(b64(42, 42), fc.constantFrom(...'AEIMQUYcgkosw048')).map(([head, last]) => head + last);
const nearMissProof = fc.oneof(
  b64(0, 42),
  b64(44, 120),
  fc.tuple(b64(42, 42), fc.constantFrom(...'BCDFHJbdf159')).map(([head, last]) => head + last),
  validProof.map((proof) => `${proof}=`),
  validProof.map((proof) => `+${proof.slice(1)}`),
);
const proof = (known: string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...known) },
    { weight: 3, arbitrary: validProof },
    { weight: 2, arbitrary: nearMissProof },
    { weight: 1, arbitrary: jsonValue },
  );

function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80'; // a lone surrogate, as raw bytes
  }
}

const id = (known: string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...known) },
    { weight: 3, arbitrary: b64(21, 21) },
    { weight: 1, arbitrary: b64(1, 20) },
    { weight: 1, arbitrary: b64(65, 400) },
    { weight: 2, arbitrary: text.map(encode) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '..',
        '%2e%2e',
        '%2F',
        '%00',
        '%',
        '%zz',
        '%E0%A4%A',
        '%C0%AE',
        '~',
        ';',
        '%20',
        'a%2Fb',
      ),
    },
  );

/** Mostly the valid value, sometimes anything. */
const mostly = (valid: fc.Arbitrary<unknown>) =>
  fc.oneof({ weight: 6, arbitrary: valid }, { weight: 1, arbitrary: fc.oneof(jsonValue, nearMissProof) });

/** Random bytes shaped as an envelope (version 1, a flag, a padded size) to pass the shape check; or any bytes. */
const validCiphertext = fc
  .oneof(
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.constantFrom(0, 1), fc.constantFrom(1024, 1088, 1152, 1216, 2048, 2176, 2560))
        .chain(([flags, padded]) =>
          fc
            .uint8Array({ minLength: 12 + padded + 16, maxLength: 12 + padded + 16 })
            .map((rest) => Uint8Array.of(1, flags, ...rest)),
        ),
    },
    { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 3000 }) },
  )
  .map((bytes) => Buffer.from(bytes).toString('base64url'));

/** A JSON object made of the given fields (each present or not, unless required) plus unknown ones. */
function objectWith(fields: Record<string, fc.Arbitrary<unknown>>, requiredKeys: string[] = []) {
  return (
    fc
      .tuple(
        fc.record(fields, { requiredKeys }),
        fc.oneof(
          { weight: 4, arbitrary: fc.constant({}) },
          { weight: 1, arbitrary: fc.dictionary(text, jsonValue, { maxKeys: 2 }) },
        ),
      )
      // fromEntries, so a "__proto__" key becomes a real field rather than a prototype.
      .map(([known, extra]) => Object.fromEntries([...Object.entries(known), ...Object.entries(extra)]))
  );
}

const oddBody = fc.oneof(
  fc.json({ maxDepth: 3 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom(
    '',
    'null',
    'true',
    '"x"',
    '[]',
    '{',
    '{"a":',
    '\ufeff{}',
    '{"a":1,"a":2}',
    '{"__proto__":{"polluted":1}}',
    '{"constructor":{"prototype":{"polluted":1}}}',
    '{"views":1e400}',
    '{"views":123456789012345678901234567890}',
    '{"expiresIn":-1e-400}',
  ),
  fc.integer({ min: 1, max: 6000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
  // Over every body limit (16 KiB; the create route's limit follows MAX_SECRET_BYTES).
  fc.integer({ min: 17_000, max: 60_000 }).map((size) => JSON.stringify({ ciphertext: 'A'.repeat(size) })),
);

/** A body: the object serialized (sometimes cut short), or something odd. */
const body = (object: fc.Arbitrary<Record<string, unknown>>) =>
  fc.oneof(
    { weight: 6, arbitrary: object.map((value) => JSON.stringify(value)) },
    {
      weight: 1,
      arbitrary: fc.tuple(object, fc.nat()).map(([value, cut]) => JSON.stringify(value).slice(0, cut % 40)),
    },
    { weight: 2, arbitrary: oddBody },
  );

const contentType = fc.oneof(
  { weight: 8, arbitrary: fc.constant('application/json') },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'application/json; charset=utf-8',
      'APPLICATION/JSON',
      'application/json; charset=latin1',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/octet-stream',
      'text/html',
      'application/jsonx',
      'application/json;',
      ';',
    ),
  },
  { weight: 1, arbitrary: printable },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

const method = (usual: string) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.constant(usual) },
    { weight: 2, arbitrary: fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'PROPFIND') },
  );

function authorization(tokens: string[]) {
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant(undefined) },
    { weight: 3, arbitrary: fc.constantFrom(...tokens).map((token) => `Bearer ${token}`) },
    { weight: 3, arbitrary: validProof.map((token) => `Bearer ${token}`) },
    { weight: 1, arbitrary: nearMissProof.map((token) => `Bearer ${token}`) },
    { weight: 1, arbitrary: printable },
    { weight: 1, arbitrary: fc.constantFrom('Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', `Bearer ${'A'.repeat(8000)}`) },
  );
}

/** Headers with absent values dropped, as a client leaves them out. */
function headers(values: Record<string, string | null | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== null && entry[1] !== undefined),
  );
}

function request(
  methodArb: fc.Arbitrary<string>,
  urlArb: fc.Arbitrary<string>,
  bodyArb: fc.Arbitrary<string | undefined>,
  extraHeaders: fc.Arbitrary<Record<string, string | null | undefined>> = fc.constant({}),
): fc.Arbitrary<Request> {
  return fc
    .record({ method: methodArb, url: urlArb, payload: bodyArb, type: contentType, extra: extraHeaders })
    .map((r) => ({
      method: r.method,
      url: r.url,
      ...(r.payload !== undefined && r.method !== 'GET' && r.method !== 'HEAD' && { payload: r.payload }),
      headers: headers({ 'content-type': r.payload === undefined ? undefined : r.type, ...r.extra }),
    }));
}

/** Path segments an attacker tries against the static files. */
const SEGMENTS = [
  '..',
  '.',
  '%2e%2e',
  '.%2e',
  '%2e.',
  '%2f',
  '%5c',
  '..%2f',
  '..%5c',
  '%c0%ae%c0%ae',
  '%252e%252e',
  '%00',
  '%',
  'etc',
  'passwd',
  'package.json',
  'create.html',
  'favicon.svg',
  '.env',
  '.git',
  'config',
  'assets',
  'dist',
  'public',
  'server',
  'main.js',
  '~',
  ';',
  '%3F',
  '%23',
  '',
  'x'.repeat(300),
];

/** The request families the fuzz suite runs, each over the given known secrets. */
export function requestFamilies(known: KnownSecret[], assetNames: string[]) {
  const ids = known.map((secret) => secret.id);
  const proofs = known.flatMap((secret) => (secret.unlock ? [secret.access, secret.unlock] : [secret.access]));
  const tokens = known.map((secret) => secret.manageToken);
  const secretPath = (suffix: string) => id(ids).map((value) => `/api/secrets/${value}${suffix}`);

  return {
    create: request(
      method('POST'),
      fc.oneof(
        { weight: 4, arbitrary: fc.constant('/api/secrets') },
        {
          weight: 1,
          arbitrary: fc.constantFrom('/api/secrets/', '/api/secrets?views=2', '/api//secrets', '/API/SECRETS'),
        },
      ),
      body(
        fc.oneof(
          objectWith({
            ciphertext: fc.oneof(
              b64(2, 800),
              fc.integer({ min: 5400, max: 7000 }).map((n) => 'A'.repeat(n)),
              text,
              jsonValue,
            ),
            accessHash: proof(proofs),
            unlockHash: proof(proofs),
            expiresIn: fc.oneof(fc.integer({ min: 300, max: 2_592_000 }), numbers, jsonValue),
            views: fc.oneof(fc.integer({ min: 1, max: 100 }), numbers, jsonValue),
          }),
          // Nearly valid, so creation itself is fuzzed too, not only its refusals.
          objectWith(
            {
              ciphertext: mostly(validCiphertext),
              accessHash: mostly(validProof),
              unlockHash: mostly(validProof),
              expiresIn: mostly(fc.integer({ min: 300, max: 2_592_000 })),
              views: mostly(fc.integer({ min: 1, max: 100 })),
            },
            ['ciphertext', 'accessHash'],
          ),
        ),
      ),
    ),
    statusAndReveal: fc.oneof(
      request(
        method('POST'),
        fc.oneof(secretPath('/status'), secretPath('/reveal'), secretPath('/reveal/'), secretPath('/nonsense')),
        body(objectWith({ access: proof(proofs), unlock: proof(proofs) })),
      ),
      // A known secret with its own access proof: reveals, wrong passphrases, lockouts.
      fc.constantFrom(...known).chain((secret) =>
        request(
          fc.constant('POST'),
          fc.constantFrom(`/api/secrets/${secret.id}/status`, `/api/secrets/${secret.id}/reveal`),
          body(
            objectWith(
              {
                access: mostly(fc.constant(secret.access)),
                unlock: fc.oneof(fc.constant(secret.unlock), validProof),
              },
              ['access'],
            ),
          ),
        ),
      ),
    ),
    manage: fc.oneof(
      request(
        fc.oneof(method('DELETE'), method('GET')),
        fc.oneof(secretPath(''), secretPath('/receipt')),
        fc.option(body(objectWith({ token: proof(tokens) })), { freq: 3 }).map((value) => value ?? undefined),
        fc.record({ authorization: authorization(tokens) }),
      ),
      // A known secret with its own token: receipts and burns.
      fc.constantFrom(...known).chain((secret) =>
        request(
          fc.constantFrom('GET', 'GET', 'DELETE'),
          fc.constant(`/api/secrets/${secret.id}/receipt`),
          fc.constant(undefined),
          fc.record({
            authorization: fc.oneof(
              { weight: 4, arbitrary: fc.constant(`Bearer ${secret.manageToken}`) },
              authorization(tokens),
            ),
          }),
        ).map((r) => (r.method === 'DELETE' ? { ...r, url: `/api/secrets/${secret.id}` } : r)),
      ),
    ),
    staticAndHealth: request(
      fc.oneof(
        { weight: 5, arbitrary: fc.constant('GET') },
        { weight: 1, arbitrary: fc.constantFrom('HEAD', 'POST', 'PUT') },
      ),
      fc.oneof(
        fc
          .tuple(
            fc.constantFrom('/', '/assets/', '/s/', '/r/', '/api/', '//', '/s/V1StGXR8_Z5jdHi6B-myT/'),
            fc.array(fc.constantFrom(...SEGMENTS, ...assetNames), { maxLength: 6 }),
          )
          .map(([prefix, segments]) => prefix + segments.join('/')),
        fc.constantFrom(
          '/healthz',
          '/readyz',
          '/api/limits',
          '/healthz?x=%',
          '/reveal.html',
          ...assetNames.map((a) => `/assets/${a}`),
        ),
        fc.webPath().map((path) => (path.startsWith('/') ? path : `/${path}`)),
      ),
      fc.option(oddBody, { freq: 4 }).map((value) => value ?? undefined),
      fc.record({
        range: fc.option(
          fc.constantFrom('bytes=0-10', 'bytes=999999999-', 'bytes=5-1', 'bytes=0-1,2-3,4-5', 'lines=1-2'),
          { freq: 4 },
        ),
        'if-none-match': fc.option(fc.constantFrom('*', '"x"', 'W/"1"'), { freq: 6 }),
        'accept-encoding': fc.option(fc.constantFrom('gzip', 'br', '*;q=0', 'identity'), { freq: 4 }),
      }),
    ),
  };
}
