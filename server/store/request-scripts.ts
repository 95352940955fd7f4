/**
 * The Redis layout of a request and the Lua scripts that change it. The keys of one
 * request share the hash tag `{ID}`, so every script runs on one cluster slot and is
 * atomic; times come from Redis's clock (TIME), as for secrets.
 *
 * Request key (`PREFIX{ID}:q`), what the responder's proof opens; lives for the
 * request's lifetime, renewed for the same lifetime when answered:
 *
 *   offset  size  field
 *   0       1     layout version (1)
 *   1       1     state: 0 open, 1 answered, 2 read
 *   2       4     lifetime in seconds, unsigned big-endian
 *   6       32    SHA-256 of the request's access proof
 *   38      …     the request envelope (dropped once the answer is read)
 *
 * Inbox key (`PREFIX{ID}:qi`), what the inbox proof opens; lives for the lifetime plus
 * RECEIPT_RETENTION_SECONDS (renewed on answer), so the inbox can say "read" or "expired":
 *
 *   0       1     layout version (1)
 *   1       1     state: 0 open, 1 answered, 2 read ('expired' is derived: not read,
 *                 and the request key gone)
 *   2       6     expiresAt, epoch ms, unsigned 48-bit big-endian
 *   8       6     answeredAt, epoch ms (0: not answered)
 *   14      6     readAt, epoch ms (0: not read)
 *   20      32    SHA-256 of the inbox proof
 *
 * Answer key (`PREFIX{ID}:qx`): the sealed answer's raw bytes, from the answer until it is
 * read (then deleted) or its lifetime ends.
 *
 * Alert key (`PREFIX{ID}:qa`): "language\naddress" while the request is open and its
 * requester asked to be told; read and deleted by the answer, or gone with the request.
 *
 * Under noeviction a full Redis refuses a script at its first write that may grow
 * memory and lets the rest through: ANSWER's first write is the answer itself, so a full
 * Redis refuses an answer whole (503) and never half-stores it.
 */
import { NOW_MS, lua } from './redis-scripts.js';

export const REQUEST_LAYOUT_VERSION = 1;
export const REQUEST_HEADER_BYTES = 38;
export const INBOX_BYTES = 52;
export const INBOX_HASH_OFFSET = 20;
/** States by their byte; 'expired' is never stored. */
export const STORED_REQUEST_STATES = ['open', 'answered', 'read'] as const;

const TIMES = `
local function u48(bytes, at)
  local n = 0
  for i = at, at + 5 do n = n * 256 + string.byte(bytes, i) end
  return n
end
local function u32_bytes(n)
  return string.char(math.floor(n / 16777216) % 256, math.floor(n / 65536) % 256, math.floor(n / 256) % 256, n % 256)
end
local function lifetime_of(header)
  return ((string.byte(header, 3) * 256 + string.byte(header, 4)) * 256 + string.byte(header, 5)) * 256
    + string.byte(header, 6)
end
`;

/** Reads the request key's header; nil unless it exists and the access hash matches. */
const READ_REQUEST = `
local function read_request(key, access)
  local header = redis.call('GETRANGE', key, 0, ${REQUEST_HEADER_BYTES - 1})
  if #header < ${REQUEST_HEADER_BYTES} or string.sub(header, 7, 38) ~= access then return nil end
  if string.byte(header, 1) ~= ${REQUEST_LAYOUT_VERSION} then
    error('burnlink: unknown request layout ' .. string.byte(header, 1))
  end
  return header
end
`;

/** Reads the inbox key; nil unless it exists and the inbox hash matches. */
const READ_INBOX = `
local function read_inbox(key, hash)
  if redis.call('TYPE', key).ok ~= 'string' then return nil end
  local inbox = redis.call('GET', key)
  if #inbox < ${INBOX_BYTES} or string.sub(inbox, ${INBOX_HASH_OFFSET + 1}, ${INBOX_BYTES}) ~= hash then return nil end
  return inbox
end
`;

/**
 * KEYS: request, inbox, alert. ARGV: request value, ttl s, inbox ttl s, inbox value, alert value or ''.
 * Returns expiresAt (ms); errors if the request exists.
 */
export const CREATE_REQUEST = lua(`${NOW_MS}
if redis.call('EXISTS', KEYS[1], KEYS[2]) > 0 then
  return redis.error_reply('ERR burnlink: request id already exists')
end
local expires_at = now_ms() + tonumber(ARGV[2]) * 1000
local inbox = string.sub(ARGV[4], 1, 2) .. ms_bytes(expires_at) .. string.sub(ARGV[4], 9)
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
redis.call('SET', KEYS[2], inbox, 'EX', ARGV[3])
if ARGV[5] ~= '' then redis.call('SET', KEYS[3], ARGV[5], 'EX', ARGV[2]) end
return expires_at
`);

/**
 * KEYS: request. ARGV: access hash.
 * Returns nil, or {state byte, expiresAt ms, request envelope while open else false}.
 */
export const REQUEST_STATUS = lua(`${NOW_MS}${READ_REQUEST}
local header = read_request(KEYS[1], ARGV[1])
if not header then return nil end
local state = string.byte(header, 2)
local expires_at = now_ms() + redis.call('PTTL', KEYS[1])
if state ~= 0 then return {state, expires_at, false} end
return {state, expires_at, redis.call('GETRANGE', KEYS[1], ${REQUEST_HEADER_BYTES}, -1)}
`);

/**
 * KEYS: request, inbox, answer, alert. ARGV: access hash, answer bytes, retention s.
 * Returns {'not_found'} | {'already_answered'} | {'answered', expiresAt ms, alert value or false}.
 */
export const ANSWER = lua(`${NOW_MS}${TIMES}${READ_REQUEST}
local header = read_request(KEYS[1], ARGV[1])
if not header then return {'not_found'} end
if string.byte(header, 2) ~= 0 then return {'already_answered'} end
local lifetime = lifetime_of(header)
local now = now_ms()
local expires_at = now + lifetime * 1000
-- The answer first: a full Redis refuses the whole script here, before anything changed.
redis.call('SET', KEYS[3], ARGV[2], 'EX', lifetime)
redis.call('SETRANGE', KEYS[1], 1, string.char(1))
redis.call('EXPIRE', KEYS[1], lifetime)
if redis.call('TYPE', KEYS[2]).ok == 'string' then
  redis.call('SETRANGE', KEYS[2], 1, string.char(1) .. ms_bytes(expires_at) .. ms_bytes(now))
  redis.call('EXPIRE', KEYS[2], lifetime + tonumber(ARGV[3]))
end
local alert = redis.call('GET', KEYS[4])
redis.call('DEL', KEYS[4])
return {'answered', expires_at, alert}
`);

/**
 * KEYS: request, inbox. ARGV: inbox hash.
 * Returns nil, or {inbox bytes, 1 while the request key exists, request envelope or false}.
 */
export const READ_INBOX_STATE = lua(`${READ_INBOX}
local inbox = read_inbox(KEYS[2], ARGV[1])
if not inbox then return nil end
if redis.call('EXISTS', KEYS[1]) == 0 then return {inbox, 0, false} end
local envelope = redis.call('GETRANGE', KEYS[1], ${REQUEST_HEADER_BYTES}, -1)
if envelope == '' then envelope = false end
return {inbox, 1, envelope}
`);

/**
 * KEYS: request, inbox, answer. ARGV: inbox hash.
 * Returns {'not_found'} | {'not_answered'} | {'read', answer bytes}.
 */
export const READ_ANSWER = lua(`${NOW_MS}${READ_INBOX}
local inbox = read_inbox(KEYS[2], ARGV[1])
if not inbox then return {'not_found'} end
local state = string.byte(inbox, 2)
if state == 0 then
  if redis.call('EXISTS', KEYS[1]) == 1 then return {'not_answered'} end
  return {'not_found'}
end
if state ~= 1 or redis.call('EXISTS', KEYS[3]) == 0 then return {'not_found'} end
local answer = redis.call('GET', KEYS[3])
-- Deletions first: they free memory, so a full Redis still lets the answer be read once.
redis.call('DEL', KEYS[3])
if redis.call('EXISTS', KEYS[1]) == 1 then
  -- Only the header stays, marked read: the responder's link still says "answered".
  local header = redis.call('GETRANGE', KEYS[1], 0, ${REQUEST_HEADER_BYTES - 1})
  redis.call('SET', KEYS[1], string.sub(header, 1, 1) .. string.char(2) .. string.sub(header, 3), 'KEEPTTL')
end
redis.call('SETRANGE', KEYS[2], 1, string.char(2))
redis.call('SETRANGE', KEYS[2], 14, ms_bytes(now_ms()))
return {'read', answer}
`);
