// corpus: label=insecure cwe=CWE-89 function=searchAuditLog
const { Client } = require('pg');

/**
 * Search the audit log. Used by the support console.
 * @param {{ actor?: string, action?: string, since?: string }} filters
 */
async function searchAuditLog(filters = {}) {
  const client = new Client({ connectionString: process.env.AUDIT_DB_URL });
  await client.connect();

  const where = ['1=1'];
  if (filters.actor) where.push(`actor = '${filters.actor}'`);
  if (filters.action) where.push(`action ILIKE '%${filters.action}%'`);
  if (filters.since) where.push(`created_at >= '${filters.since}'`);

  try {
    const result = await client.query(
      `SELECT id, actor, action, target, created_at FROM audit_log WHERE ${where.join(' AND ')} ORDER BY created_at DESC LIMIT 200`
    );
    return result.rows;
  } finally {
    await client.end();
  }
}

module.exports = { searchAuditLog };
