// corpus: label=insecure cwe=CWE-601 function=redirectAfterCheckout
const TRUSTED_DOMAIN = 'shop.example.com';

/**
 * After payment the provider sends the customer back with ?continue=<url>.
 * Express handler.
 */
function redirectAfterCheckout(req, res) {
  const target = req.query.continue;

  if (typeof target === 'string' && target.includes(TRUSTED_DOMAIN)) {
    return res.redirect(target);
  }
  return res.redirect(`https://${TRUSTED_DOMAIN}/orders`);
}

module.exports = { redirectAfterCheckout };
