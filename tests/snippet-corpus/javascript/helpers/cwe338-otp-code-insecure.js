// corpus: label=insecure cwe=CWE-338 function=generateLoginCode
/**
 * Six-digit one-time code for SMS / e-mail login.
 * @returns {{ code: string, expiresAt: number }}
 */
export function generateLoginCode(ttlSeconds = 300) {
  const code = Math.floor(100000 + Math.random() * 900000).toString();
  return { code, expiresAt: Date.now() + ttlSeconds * 1000 };
}

export function isExpired(entry, now = Date.now()) {
  return now > entry.expiresAt;
}
