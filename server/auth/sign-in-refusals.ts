/**
 * The refusals of a sign-in through the OpenID provider, apart from the sign-in itself
 * (oidc-sign-in.ts) so that the routes can name them without loading openid-client,
 * which only CREATE_AUTH=oidc needs.
 */
import { HttpError } from '../errors.js';

/** A sign-in the provider or the callback refused, or one that cannot be checked. */
export const signInFailed = () =>
  new HttpError(
    401,
    'sign_in_required',
    'The sign-in did not complete: it was started in another browser, took too long, or the provider refused it. ' +
      'Sign in again.',
  );

export const notAllowed = () =>
  new HttpError(
    403,
    'not_allowed',
    'You are signed in, but not as someone who may create secrets and requests on this server. Ask its operator.',
  );

export const providerUnavailable = () =>
  new HttpError(503, 'provider_unavailable', 'The sign-in provider cannot be reached right now. Try again later.');
