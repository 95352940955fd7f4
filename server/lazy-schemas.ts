/**
 * Route schemas compiled when a route first needs them, not while the server starts.
 * Fastify builds every route's validator (Ajv) and serializer (fast-json-stringify) as it
 * starts, generating and compiling code for some 20 routes: about a quarter of the
 * start-up (docs/BENCHMARKS.md, "Start-up"). These factories hand Fastify the very same
 * compilers, deferred: a route's code is built at its first request (a few milliseconds,
 * once per process), and a schema Ajv would refuse still fails that route's first request,
 * which every route's tests make.
 */
import AjvCompiler from '@fastify/ajv-compiler';
import SerializerSelector from '@fastify/fast-json-stringify-compiler';
import type { FastifyServerOptions } from 'fastify';

type CompilersFactory = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;

/** Fastify's default compilers, each compiling a route's schema on the route's first use. */
export function lazySchemaCompilers(): Required<CompilersFactory> {
  const validators = AjvCompiler();
  const serializers = SerializerSelector();
  return {
    buildValidator: (externalSchemas, options) => {
      const compile = validators(externalSchemas, options);
      return (route) => {
        let validate: ReturnType<typeof compile> | undefined;
        // Fastify reads a failed validation's errors from the function it was given.
        const deferred = Object.assign(
          (data: unknown) => {
            validate ??= compile(route);
            const valid = validate(data);
            deferred.errors = validate.errors;
            return valid;
          },
          { errors: undefined as ReturnType<typeof compile>['errors'] },
        );
        return deferred as unknown as ReturnType<typeof compile>;
      };
    },
    buildSerializer: (externalSchemas, options) => {
      const compile = serializers(externalSchemas, options);
      return (route) => {
        let serialize: ReturnType<typeof compile> | undefined;
        return (document) => (serialize ??= compile(route))(document);
      };
    },
  };
}
