/**
 * The JSON of an API answer, typed by the server's own schema for that operation and
 * status (api-types.ts, generated from the OpenAPI document), rather than by a type
 * each test writes out: a field the server renames fails the tests' type-check. Error
 * answers are typed too: each status's `error` codes are the operation's own.
 */
import { expect } from 'vitest';
import type { operations } from '../../web/src/lib/api-types.js';

type Responses<Op extends keyof operations> = operations[Op]['responses'];
type JsonOf<Response> = Response extends { content: { 'application/json': infer Body } } ? Body : never;
type Status<Op extends keyof operations> = keyof Responses<Op> & number;

/**
 * The body of an `inject` answer, after checking that it is the answer `status` of
 * `operation`; `what` names the case in the failure message.
 */
export function jsonOf<Op extends keyof operations, S extends Status<Op>>(
  res: { statusCode: number; json(): unknown },
  operation: Op,
  status: S,
  what?: string,
): JsonOf<Responses<Op>[S]> {
  expect(res.statusCode, `${what ? `${what}: ` : ''}${operation} answered ${res.statusCode}`).toBe(status);
  return res.json() as JsonOf<Responses<Op>[S]>;
}

/** The same for a `fetch` answer (a server on a real port). */
export async function fetchedJsonOf<Op extends keyof operations, S extends Status<Op>>(
  res: Response,
  operation: Op,
  status: S,
): Promise<JsonOf<Responses<Op>[S]>> {
  expect(res.status, `${operation} answered ${res.status}`).toBe(status);
  return (await res.json()) as JsonOf<Responses<Op>[S]>;
}
