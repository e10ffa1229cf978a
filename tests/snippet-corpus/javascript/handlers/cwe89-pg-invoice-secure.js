// corpus: label=secure cwe=CWE-89 function=getInvoice
const { Pool } = require('pg');

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

// GET /accounts/:accountId/invoices/:invoiceId
async function getInvoice(req, res) {
  const { accountId, invoiceId } = req.params;

  try {
    const { rows } = await pool.query(
      `SELECT id, number, amount_cents, currency, issued_at, paid_at
         FROM invoices
        WHERE account_id = $1 AND id = $2`,
      [accountId, invoiceId]
    );

    if (rows.length === 0) {
      return res.status(404).json({ error: 'invoice not found' });
    }
    return res.json(rows[0]);
  } catch (err) {
    console.error('getInvoice failed', err);
    return res.status(500).json({ error: 'unable to load invoice' });
  }
}

module.exports = { getInvoice };
