// corpus: label=secure cwe=CWE-338 function=generateLoginCode
import { randomInt } from 'node:crypto';

/**
 * Six-digit one-time code for SMS / e-mail login.
 * @returns {{ code: string, expiresAt: number }}
 */
export function generateLoginCode(ttlSeconds = 300) {
  const code = String(randomInt(0, 1000000)).padStart(6, '0');
  return { code, expiresAt: Date.now() + ttlSeconds * 1000 };
}

export function isExpired(entry, now = Date.now()) {
  return now > entry.expiresAt;
}
