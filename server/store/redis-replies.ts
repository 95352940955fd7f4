/** Checked readers of Lua script replies, shared by the Redis stores: a surprise fails loudly. */

export function list(reply: unknown): unknown[] {
  if (!Array.isArray(reply)) throw new Error('unexpected Redis reply: not a list');
  return reply;
}

export function integer(reply: unknown): number {
  if (typeof reply !== 'number' || !Number.isInteger(reply)) throw new Error('unexpected Redis reply: not an integer');
  return reply;
}

export function buffer(reply: unknown): Buffer {
  if (!Buffer.isBuffer(reply)) throw new Error('unexpected Redis reply: not bytes');
  return reply;
}

/** Bytes or nothing: a Lua `false` comes back as null. */
export function optionalBuffer(reply: unknown): Buffer | undefined {
  return reply === null ? undefined : buffer(reply);
}
