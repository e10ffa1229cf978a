// corpus: label=secure cwe=CWE-89 function=findArticlesByTags
'use strict';

/**
 * Find published articles carrying any of the given tags.
 * @param {import('sqlite3').Database} db
 * @param {{ tags: string[], limit?: number }} options
 */
function findArticlesByTags(db, { tags, limit = 20 }) {
  const list = (Array.isArray(tags) ? tags : [tags]).filter(Boolean).map(String);
  if (list.length === 0) return Promise.resolve([]);

  const placeholders = list.map(() => '?').join(', ');
  const sql = `
    SELECT DISTINCT a.id, a.title, a.published_at
      FROM articles a
      JOIN article_tags t ON t.article_id = a.id
     WHERE a.published = 1 AND t.tag IN (${placeholders})
     ORDER BY a.published_at DESC
     LIMIT ?`;

  const max = Math.max(1, Math.min(Number(limit) || 20, 100));
  return new Promise((resolve, reject) => {
    db.all(sql, [...list, max], (err, rows) => (err ? reject(err) : resolve(rows)));
  });
}

module.exports = { findArticlesByTags };
