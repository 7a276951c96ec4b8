import { hash, timingSafeEqual } from 'node:crypto';

/**
 * SHA-256 of a token; the host keeps only this and compares digests, so the comparison takes the same time
 * whatever the token's length or content.
 * @param token the secret token
 */
export function tokenDigest(token: string): Buffer {
  // One-shot `hash` (Node ≥ 20.12): no Hash object per request as with createHash().update().digest().
  return hash('sha256', token, 'buffer');
}

/**
 * Checks an `Authorization` header against a connector's token digest in constant time.
 * @param header the request's Authorization header (`Bearer <token>`)
 * @param digest the connector's {@link tokenDigest}
 */
export function verifyBearer(header: string | undefined, digest: Buffer): boolean {
  if (header === undefined) return false;
  const m = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (!m?.[1]) return false;
  return timingSafeEqual(tokenDigest(m[1]), digest);
}
