import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { RequestHandler } from 'express';
import { configurationError, forbidden, unauthenticated } from '../../errors';

declare module 'express-serve-static-core' {
  interface Request {
    principal?: string;
  }
}

interface Credential {
  principal: string;
  digest: Buffer;
  scope: 'write' | 'read';
}

const digest = (secret: string) => createHash('sha256').update(secret, 'utf8').digest();

/** Parses `principal:secret` pairs (comma- or newline-separated; # starts a comment in a file). */
export function parseTokens(text: string): { principal: string; secret: string }[] {
  return text
    .split(/[,\n]/)
    .map((l) => l.replace(/#.*/, '').trim())
    .filter(Boolean)
    .map((pair) => {
      const at = pair.indexOf(':');
      const principal = pair.slice(0, at).trim();
      const secret = pair.slice(at + 1).trim();
      if (at < 1 || !/^[\w.@-]{1,120}$/.test(principal) || secret.length < 16) {
        throw configurationError(['API_TOKENS: each token is principal:secret, the secret at least 16 characters']);
      }
      return { principal, secret };
    });
}

function readTokenFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw configurationError([`API_TOKENS_FILE: cannot read ${path} (${(err as NodeJS.ErrnoException).code})`], err);
  }
}

export interface AuthConfig {
  API_TOKENS?: string;
  API_TOKENS_FILE?: string;
  READ_TOKEN?: string;
}

/**
 * Bearer-token authentication. Secrets are compared as SHA-256 digests with
 * timingSafeEqual, against every credential, so timing says nothing of which
 * matched or how much of a secret was right.
 */
export class Auth {
  private readonly credentials: Credential[];
  readonly readsOpen: boolean;

  constructor(config: AuthConfig) {
    const pairs = [
      ...parseTokens(config.API_TOKENS ?? ''),
      ...(config.API_TOKENS_FILE ? parseTokens(readTokenFile(config.API_TOKENS_FILE)) : []),
    ];
    this.credentials = pairs.map((p) => ({
      principal: p.principal,
      digest: digest(p.secret),
      scope: 'write' as const,
    }));
    if (config.READ_TOKEN)
      this.credentials.push({ principal: 'reader', digest: digest(config.READ_TOKEN), scope: 'read' });
    this.readsOpen = !config.READ_TOKEN;
  }

  get canWrite(): boolean {
    return this.credentials.some((c) => c.scope === 'write');
  }

  private identify(header: string | undefined): Credential | null | undefined {
    if (!header) return undefined;
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m) return null;
    const presented = digest(m[1]!);
    let found: Credential | null = null;
    for (const c of this.credentials) if (timingSafeEqual(c.digest, presented) && !found) found = c;
    return found;
  }

  /** Writes need a write token: none is 401, a read-only one 403. */
  readonly requireWrite: RequestHandler = (req, _res, next) => {
    const c = this.identify(req.get('authorization'));
    if (!c)
      throw unauthenticated(
        c === undefined ? 'a bearer token is required to record facts' : 'the bearer token is not valid',
      );
    if (c.scope !== 'write') throw forbidden('this token may read but not record facts');
    req.principal = c.principal;
    next();
  };

  /** Reads are open unless READ_TOKEN is set; then any valid token reads. */
  readonly requireRead: RequestHandler = (req, _res, next) => {
    if (this.readsOpen) return next();
    const c = this.identify(req.get('authorization'));
    if (!c)
      throw unauthenticated(c === undefined ? 'a bearer token is required to read' : 'the bearer token is not valid');
    req.principal = c.principal;
    next();
  };
}
