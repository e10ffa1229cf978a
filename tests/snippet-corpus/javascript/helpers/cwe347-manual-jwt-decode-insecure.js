// corpus: label=insecure cwe=CWE-347 function=claimsFromToken
/** Pull the claims out of the bearer token so the route can check roles. */
function claimsFromToken(token) {
  const [, payload] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  if (claims.exp && claims.exp * 1000 < Date.now()) throw new Error('token expired');
  return claims;
}

module.exports = { claimsFromToken };
