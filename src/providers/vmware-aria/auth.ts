/**
 * Bearer tokens for Aria Automation. Every route ends at `POST /iaas/api/login`, which turns a
 * refresh (API) token into a bearer token on-premises and on the SaaS alike; on-premises users may
 * instead give a user name and password, which the identity service turns into a refresh token
 * first. A token that expires during a long wait is renewed once per expiry, shared by every
 * request that saw it fail.
 */
import { joinUrl } from '../../endpoint.ts';
import { ProviderError } from '../../errors.ts';
import { parseCredentialJson } from '../../credential-answer.ts';
import type { HttpClient, HttpRequest, HttpResponse } from '../../http.ts';
import { expectSuccess } from '../shared.ts';
import { describeAriaError } from './errors.ts';
import { schemas } from './reader.ts';
import type { z } from 'zod';

type Schemas = Awaited<ReturnType<typeof schemas>>;

export type Credentials =
  | { kind: 'access-token'; token: string }
  | { kind: 'refresh-token'; refreshToken: string }
  | { kind: 'password'; username: string; password: string; domain?: string | undefined };

export const IAAS_LOGIN_PATH = '/iaas/api/login';
export const CSP_LOGIN_PATH = '/csp/gateway/am/api/login';
/**
 * Password logins one step may send: the UPN form and its one retry. A directory locks an account
 * after a few wrong passwords, so a refused login is never sent again in this step, whatever asks.
 */
export const MAX_PASSWORD_LOGINS = 2;

export class AriaAuth {
  private readonly base: URL;
  private readonly creds: Credentials;
  private readonly http: HttpClient;
  private readonly secret: (value: string) => void;
  private current: string | undefined;
  private refreshToken: string | undefined;
  private pending: Promise<string> | undefined;
  /** Password logins sent in this step; see MAX_PASSWORD_LOGINS. */
  private passwordAttempts = 0;

  constructor(base: URL, creds: Credentials, http: HttpClient, secret: (value: string) => void) {
    this.base = base;
    this.creds = creds;
    this.http = http;
    this.secret = secret;
    if (creds.kind === 'access-token') this.current = creds.token;
    if (creds.kind === 'refresh-token') this.refreshToken = creds.refreshToken;
  }

  /** True when the action can obtain a new bearer token by itself. */
  get canRenew(): boolean {
    return this.creds.kind !== 'access-token';
  }

  /** The bearer token to send, logging in first when there is none yet. */
  async token(): Promise<string> {
    if (this.current !== undefined) return this.current;
    return this.login();
  }

  /**
   * A new bearer token after `stale` was refused. Requests that saw the same token fail share one
   * login; a request that used an older token just takes the newer one.
   */
  async renew(stale: string): Promise<string> {
    if (!this.canRenew) {
      throw new ProviderError({
        status: 401,
        code: 'Unauthorized',
        message:
          'the access-token was refused or has expired; give refresh-token (or username and password on-premises) so the action can log in again',
      });
    }
    if (this.current !== undefined && this.current !== stale) return this.current;
    this.current = undefined;
    return this.login();
  }

  private login(): Promise<string> {
    this.pending ??= this.freshToken().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async freshToken(): Promise<string> {
    this.refreshToken ??= await this.passwordLogin();
    const res = await this.post(IAAS_LOGIN_PATH, {}, { refreshToken: this.refreshToken }, 'log in (exchange the refresh token)');
    const body = await validate(res, (m) => m.iaasLoginResponse, 'login');
    if (body.tokenType !== undefined && body.tokenType.toLowerCase() !== 'bearer') {
      throw new ProviderError({ message: `login returned a '${body.tokenType}' token where a Bearer token was expected` });
    }
    this.secret(body.token);
    this.current = body.token;
    return body.token;
  }

  /**
   * On-premises only: user name and password → refresh token (`?access_token` is part of the
   * documented path). A `user@domain` login without a `domain` is tried the way PowervRA does it
   * (jakkulabs/PowervRA src/Functions/Public/Connect-vRAServer.ps1: the UPN split into `username` and
   * `domain`; on a BadRequest, the catch block sets `$RawBody.username = $Username` and sends the same
   * body again, `domain` kept): user name and domain first, then on a 400 the whole UPN as user name,
   * with the domain.
   */
  private async passwordLogin(): Promise<string> {
    if (this.creds.kind !== 'password') throw new Error('no credentials to log in with');
    const { username, password, domain } = this.creds;
    const upn = domain ? undefined : splitUpn(username);
    if (upn === undefined) return this.cspLogin({ username, password, ...(domain ? { domain } : {}) });
    try {
      return await this.cspLogin({ username: upn.user, password, domain: upn.domain });
    } catch (err) {
      if (!(err instanceof ProviderError) || err.status !== 400) throw err;
      return this.cspLogin({ username, password, domain: upn.domain });
    }
  }

  private async cspLogin(body: { username: string; password: string; domain?: string }): Promise<string> {
    const as = body.domain ? `${body.username} (domain ${body.domain})` : body.username;
    if (this.passwordAttempts >= MAX_PASSWORD_LOGINS) {
      throw new ProviderError({
        message: `not logging in as ${as}: ${MAX_PASSWORD_LOGINS} password logins were already sent in this step (a directory locks accounts after repeated failures); check username, password and domain`,
      });
    }
    this.passwordAttempts++;
    const res = await this.post(CSP_LOGIN_PATH, { access_token: '' }, body, `log in as ${as}`, false);
    const token = (await validate(res, (m) => m.cspLoginResponse, 'password login')).refresh_token;
    this.secret(token);
    return token;
  }

  private async post(
    path: string,
    query: Record<string, string>,
    body: unknown,
    label: string,
    idempotent = true,
  ): Promise<HttpResponse> {
    const req: HttpRequest = {
      method: 'POST',
      url: joinUrl(this.base, path, query),
      headers: { accept: 'application/json' },
      body: JSON.stringify(body),
      label,
      // A login starts nothing, so a lost answer can be asked for again; but a password login is
      // sent once (repeated only when it provably never left): each one counts against a lockout.
      idempotent,
    };
    return expectSuccess(await this.http.send(req), (res) => describeAriaError(res, this.loginHint()));
  }

  private loginHint(): string {
    return this.creds.kind === 'password' ? 'check username, password and domain' : 'check refresh-token';
  }
}

/** `user@domain` → its two parts; undefined for a plain user name or an empty part. */
export function splitUpn(username: string): { user: string; domain: string } | undefined {
  const at = username.lastIndexOf('@');
  if (at <= 0 || at === username.length - 1) return undefined;
  return { user: username.slice(0, at), domain: username.slice(at + 1) };
}

async function validate<T>(res: HttpResponse, pick: (m: Schemas) => z.ZodType<T>, what: string): Promise<T> {
  const parsed = pick(await schemas()).safeParse(parseCredentialJson(res, what));
  if (parsed.success) return parsed.data;
  // The body carries credentials: name the missing field, never echo the body.
  const issue = parsed.error.issues[0];
  throw new ProviderError({ message: `${what}: unexpected response (missing or invalid '${issue?.path.join('.') ?? ''}')` });
}
