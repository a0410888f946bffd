/**
 * Authentication failures, classified once where they happen: every rejection of the inbound token is a 401
 * (stock CloudAdapter answers 500 for a bad signature, alg=none with a known kid, or any jsonwebtoken error), and an
 * unreachable OpenID metadata / JWKS endpoint is a 503 (stock: 401 or 500 depending on how it failed).
 */
import { StatusCodes, type Activity } from 'botbuilder';
import {
  AuthenticationError,
  BotFrameworkAuthentication,
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorFactory,
  type UserTokenClient,
} from 'botframework-connector';

/** The OpenID metadata or its JWKS could not be fetched: the token's validity is unknown, so 503 rather than 401. */
export class AuthUnavailableError extends Error {
  readonly statusCode = 503;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AuthUnavailableError';
  }
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function errorName(err: unknown): string | undefined {
  return err && typeof err === 'object' && 'name' in err ? String((err as { name: unknown }).name) : undefined;
}

/**
 * Maps whatever botbuilder's token validation threw to one of two outcomes:
 *  - `AuthUnavailableError` when the OpenID metadata / JWKS fetch failed (node-fetch `FetchError`, or botbuilder's own
 *    `AuthenticationError` with status 500 "Failed to load openID config / Keys"),
 *  - `AuthenticationError(401)` for everything else — expired, wrong audience/issuer/serviceUrl, unknown kid, bad
 *    signature, alg=none, malformed (jsonwebtoken's `JsonWebTokenError`/`NotBeforeError`/`TokenExpiredError`, which
 *    stock botbuilder lets escape as plain errors and CloudAdapter answers with 500), and any unexpected failure:
 *    authentication fails closed.
 */
export function classifyAuthError(err: unknown): AuthenticationError | AuthUnavailableError {
  if (err instanceof AuthUnavailableError) return err;
  const name = errorName(err);
  if ((err instanceof AuthenticationError && err.statusCode >= 500) || name === 'FetchError' || name === 'AbortError') {
    return new AuthUnavailableError(`Token validation keys unavailable: ${errorMessage(err)}`, { cause: err });
  }
  if (err instanceof AuthenticationError && err.statusCode === StatusCodes.UNAUTHORIZED) return err;
  const e = new AuthenticationError(`Unauthorized. ${name ?? 'Error'}: ${errorMessage(err)}`, StatusCodes.UNAUTHORIZED);
  (e as Error & { cause?: unknown }).cause = err;
  return e;
}

/**
 * Why a token was refused, as a code for the log. The messages it reads come from botbuilder and jsonwebtoken and
 * can carry key ids, endorsements and the app id; only the code leaves this function.
 */
export function tokenRejectionCode(err: unknown): string {
  const original = (err as { cause?: unknown } | undefined)?.cause ?? err;
  const name = errorName(original);
  const message = errorMessage(original);
  if (name === 'TokenExpiredError' || /has expired/.test(message)) return 'expired';
  if (name === 'NotBeforeError') return 'not-yet-valid';
  if (/invalid signature/.test(message)) return 'bad-signature';
  if (/signature is required/.test(message)) return 'unsigned';
  if (/algorithm/i.test(message)) return 'wrong-algorithm';
  if (/audience|Invalid AppId/i.test(message)) return 'wrong-audience';
  if (/issuer/i.test(message)) return 'wrong-issuer';
  if (/ServiceUrl/i.test(message)) return 'wrong-service-url';
  if (/Signing Key could not be retrieved/.test(message)) return 'unknown-key';
  if (/endorsement/i.test(message)) return 'not-endorsed';
  if (/No valid identity|Is not authenticated/.test(message)) return 'no-identity';
  if (name === 'JsonWebTokenError' || name === 'SyntaxError' || /malformed/.test(message)) return 'malformed';
  return 'rejected';
}

/**
 * Delegates everything to the stock `ConfigurationBotFrameworkAuthentication`; only re-types the errors its
 * authenticate* methods throw (see `classifyAuthError`) and, for the delivery engine, removes the connector's retries.
 */
export class ClassifyingBotFrameworkAuthentication extends BotFrameworkAuthentication {
  constructor(
    private readonly inner: BotFrameworkAuthentication,
    private readonly connectorRetries = true,
  ) {
    super();
  }
  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await this.inner.authenticateRequest(activity, authHeader);
    } catch (err) {
      throw classifyAuthError(err);
    }
  }
  override async authenticateStreamingRequest(
    authHeader: string,
    channelIdHeader: string,
  ): Promise<AuthenticateRequestResult> {
    try {
      return await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader);
    } catch (err) {
      throw classifyAuthError(err);
    }
  }
  override async authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    try {
      return await this.inner.authenticateChannelRequest(authHeader);
    } catch (err) {
      throw classifyAuthError(err);
    }
  }
  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    const factory = this.inner.createConnectorFactory(claimsIdentity);
    if (this.connectorRetries) return factory;
    return {
      async create(serviceUrl: string, audience?: string) {
        const client = await factory.create(serviceUrl, audience);
        // The connector's pipeline retries 429 and 5xx itself (3 times, with backoff); without that policy the
        // caller sees every throttle at once and Retry-After reaches it intact.
        (
          client as unknown as { client: { pipeline: { removePolicy(o: { phase: 'Retry' }): unknown } } }
        ).client.pipeline.removePolicy({ phase: 'Retry' });
        return client;
      },
    } as ConnectorFactory;
  }
  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.inner.createUserTokenClient(claimsIdentity);
  }
  override createBotFrameworkClient() {
    return this.inner.createBotFrameworkClient();
  }
  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }
}
