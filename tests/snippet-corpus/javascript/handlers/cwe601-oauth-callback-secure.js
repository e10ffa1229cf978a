// corpus: label=secure cwe=CWE-601 function=authorize
const REGISTERED_CLIENTS = {
  'web-dashboard': ['https://dashboard.example.com/oauth/callback'],
  'mobile-app': ['com.example.app:/oauth2redirect'],
};

// GET /oauth/authorize?client_id=...&redirect_uri=...&state=...
function authorize(req, res) {
  const { client_id: clientId, redirect_uri: redirectUri, state } = req.query;
  const allowed = Object.prototype.hasOwnProperty.call(REGISTERED_CLIENTS, clientId)
    ? REGISTERED_CLIENTS[clientId]
    : null;

  if (!allowed) {
    return res.status(400).json({ error: 'unknown_client' });
  }
  // Exact string match against the registered redirect URIs.
  if (!allowed.includes(redirectUri)) {
    return res.status(400).json({ error: 'invalid_redirect_uri' });
  }
  if (!req.session || !req.session.userId) {
    return res.redirect('/login?next=' + encodeURIComponent(req.originalUrl));
  }

  const code = req.app.locals.issueAuthCode(clientId, req.session.userId);
  const target = new URL(redirectUri);
  target.searchParams.set('code', code);
  if (state) target.searchParams.set('state', String(state));
  res.redirect(target.toString());
}

module.exports = { authorize };
