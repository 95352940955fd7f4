/**
 * Turns every failure into the JSON error shape `{error, message}` with the right
 * status. Nothing a client sends may produce a 500: unknown errors are logged and
 * answered with a generic sentence that leaks nothing. Two kinds of failure happen
 * before Fastify's hooks and error handler can run (a URL that cannot be decoded, and
 * malformed or too slow HTTP); `answerFrameworkError` and `answerClientError` give
 * those the same shape and headers.
 */
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { isHttpError, type ErrorCode } from '../errors.js';
import { PATTERN_MEANINGS } from '../schemas/shared.js';
import { StoreUnavailableError } from '../store/secret-store.js';
import { SECURITY_HEADERS } from './security-headers.js';

/** Codes for Fastify's own client errors; their messages can echo request bytes, so ours replace them. */
const CLIENT_ERRORS: Record<number, [ErrorCode, string]> = {
  400: ['invalid_request', 'The request is not valid.'],
  // @fastify/static refuses paths with NUL bytes or names the file system cannot take.
  403: ['forbidden', 'This path cannot be served.'],
  404: ['not_found', 'There is nothing here.'],
  405: ['method_not_allowed', 'This method is not allowed here.'],
  408: ['timeout', 'The request took too long to arrive.'],
  413: ['too_large', 'The request body is larger than this server accepts.'],
  415: ['unsupported_media_type', 'Send the request body as application/json.'],
  416: ['range_not_satisfiable', 'The requested range is not part of the file.'],
  429: ['rate_limited', 'Too many requests: wait a minute and try again.'],
};

const FASTIFY_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_EMPTY_JSON_BODY: 'The request body is empty; it must be a JSON object.',
  FST_ERR_CTP_INVALID_JSON_BODY: 'The request body is not valid JSON.',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'The Content-Length header does not match the body.',
};

/** Field names a client made up are echoed only when short and plain: a reply never carries arbitrary text. */
const PLAIN_NAME = /^[A-Za-z][A-Za-z0-9_]{0,31}$/;

function validationMessage(error: FastifyError): string {
  const first = error.validation?.[0];
  const where = error.validationContext ?? 'request';
  if (!first) return `The ${where} is not valid.`;
  const field = first.instancePath ? first.instancePath.slice(1).replaceAll('/', '.') : '';
  const missing = (first.params as { missingProperty?: string }).missingProperty;
  const extra = (first.params as { additionalProperty?: string }).additionalProperty;
  if (missing) return `The ${where} lacks the field "${missing}".`;
  if (extra)
    return PLAIN_NAME.test(extra)
      ? `The ${where} has an unknown field "${extra}".`
      : `The ${where} has an unknown field.`;
  const pattern = (first.params as { pattern?: string }).pattern;
  const problem = (pattern && PATTERN_MEANINGS[pattern]) ?? first.message ?? 'is not valid';
  return field ? `The field "${field}" in the ${where} ${problem}.` : `The ${where} ${problem}.`;
}

async function errorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isHttpError(error)) {
      app.metrics.count('refusals', error.code);
      return reply.code(error.statusCode).send({ error: error.code, message: error.message, ...error.extra });
    }
    if (error instanceof StoreUnavailableError) {
      request.log.warn({ reason: error.reason }, 'secret store unavailable');
      return reply.code(503).send({
        error: 'store_unavailable',
        message:
          error.reason === 'full'
            ? 'The server has no room for new secrets right now. Try again later.'
            : 'The server cannot reach its storage right now. Try again in a moment.',
      });
    }
    if (error.validation) {
      app.metrics.count('refusals', 'invalid_request');
      return reply.code(400).send({ error: 'invalid_request', message: validationMessage(error) });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const [code, message] = CLIENT_ERRORS[status] ?? ['invalid_request', 'The request is not valid.'];
      request.log.info({ code: error.code ?? code, statusCode: status }, 'request refused');
      app.metrics.count('refusals', code);
      return reply.code(status).send({ error: code, message: FASTIFY_MESSAGES[error.code] ?? message });
    }
    request.log.error({ err: error }, 'unexpected error');
    return reply.code(500).send({ error: 'internal', message: 'Something went wrong on the server.' });
  });

  app.setNotFoundHandler((_request, reply) => {
    reply.code(404).send({ error: 'not_found', message: 'There is nothing here.' });
  });
}

/** Headers for the JSON answers written without Fastify's onSend hook. */
const BARE_HEADERS = { ...SECURITY_HEADERS, 'cache-control': 'no-store' };

/**
 * Fastify's `frameworkErrors`: a URL whose percent-encoding is broken, or a path
 * parameter longer than maxParamLength, refused before routing. Fastify's default
 * answer echoes the URL (which may hold an id) and runs none of our hooks.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  request.log.info({ code: error.code, statusCode: tooLong ? 414 : 400 }, 'request refused');
  reply
    .code(tooLong ? 414 : 400)
    .headers(BARE_HEADERS)
    .send(
      tooLong
        ? { error: 'uri_too_long', message: 'The URL is longer than this server accepts.' }
        : { error: 'invalid_request', message: 'The URL is not valid.' },
    );
}

const CONNECTION_ERRORS: Record<string, [number, ErrorCode, string]> = {
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'timeout', 'The request took too long to arrive.'],
  HPE_HEADER_OVERFLOW: [431, 'headers_too_large', 'The request headers are larger than this server accepts.'],
};

/**
 * Fastify's `clientErrorHandler`, for what Node's HTTP parser refuses before there is a
 * request: malformed HTTP, oversized headers, and the header and request timeouts (a
 * client trickling its headers or body). Answers in the JSON shape, then closes.
 */
export function answerClientError(this: FastifyInstance, error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message] = CONNECTION_ERRORS[error.code ?? ''] ?? [
    400,
    'invalid_request',
    'The request is not valid HTTP.',
  ];
  // Only the code: Node attaches the raw request bytes (URL, Authorization) to parser errors.
  this.log.debug({ code: error.code, statusCode: status }, 'connection refused');
  if (socket.writable) {
    const body = JSON.stringify({ error: code, message });
    const headers = {
      ...BARE_HEADERS,
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(body)),
      connection: 'close',
    };
    const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${head.join('')}\r\n${body}`);
  }
  socket.destroy();
}

export default fp(errorHandler, { name: 'error-handler', fastify: '5.x' });
