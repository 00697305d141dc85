import { randomBytes } from 'crypto';
import type { Scope } from './records';

export interface IssuedToken {
	token: string;
	clientId: string;
	scopes: Scope[];
	/** Epoch ms; the token is refused from this instant on. */
	expiresAt: number;
}

export type TokenCheck = { ok: true; token: IssuedToken } | { ok: false; reason: string };

/** Bearer tokens issued by POST /auth/tokens. */
export class TokenRegistry {
	private readonly tokens = new Map<string, IssuedToken>();

	constructor(
		private readonly ttlSeconds: number,
		private readonly now: () => number,
	) {}

	issue(clientId: string, scopes: Scope[]): IssuedToken {
		const token: IssuedToken = {
			token: randomBytes(24).toString('base64url'),
			clientId,
			scopes,
			expiresAt: this.now() + this.ttlSeconds * 1000,
		};
		this.tokens.set(token.token, token);
		return token;
	}

	check(token: string | undefined): TokenCheck {
		if (!token) return { ok: false, reason: 'Missing bearer token: send Authorization: Bearer <access_token>' };
		const issued = this.tokens.get(token);
		if (!issued) return { ok: false, reason: 'Invalid access token' };
		if (this.now() >= issued.expiresAt) return { ok: false, reason: 'Access token expired' };
		return { ok: true, token: issued };
	}

	revokeAll(): void {
		this.tokens.clear();
	}

	expire(token: string): void {
		const issued = this.tokens.get(token);
		if (issued) issued.expiresAt = this.now();
	}
}
