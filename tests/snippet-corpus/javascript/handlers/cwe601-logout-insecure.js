// corpus: label=insecure cwe=CWE-601 function=logout
/**
 * GET /logout?returnTo=https://app.example.com/goodbye
 * Destroys the session and forwards to the caller-supplied page.
 */
function logout(req, res) {
  const returnTo = req.query.returnTo;

  req.session.destroy((err) => {
    if (err) {
      console.error('failed to destroy session', err);
    }
    res.clearCookie('connect.sid');
    if (returnTo) {
      return res.redirect(302, returnTo);
    }
    res.redirect('/');
  });
}

module.exports = { logout };
