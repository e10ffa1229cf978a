// corpus: label=secure cwe=CWE-89 function=updateProfile
const EDITABLE_FIELDS = ['display_name', 'bio', 'location', 'website'];

/**
 * Apply a partial profile update coming from a PATCH request body.
 * Only known columns are written; values are always bound parameters.
 */
function updateProfile(db, userId, changes) {
  const assignments = [];
  const values = [];

  for (const field of EDITABLE_FIELDS) {
    if (Object.prototype.hasOwnProperty.call(changes, field)) {
      assignments.push(`${field} = ?`);
      values.push(changes[field] == null ? null : String(changes[field]));
    }
  }

  if (assignments.length === 0) {
    return Promise.resolve(0);
  }

  values.push(userId);
  const sql = `UPDATE profiles SET ${assignments.join(', ')} WHERE user_id = ?`;

  return new Promise((resolve, reject) => {
    db.run(sql, values, function (err) {
      if (err) return reject(err);
      resolve(this.changes);
    });
  });
}

module.exports = { updateProfile };
