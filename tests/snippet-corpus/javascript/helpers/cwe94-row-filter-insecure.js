// corpus: label=insecure cwe=CWE-94 function=filterRows
/**
 * Filter report rows with a user-supplied condition such as
 *   "row.amount > 100 && row.country === 'DE'"
 * typed into the report builder UI.
 */
function filterRows(rows, condition) {
  if (!condition || !condition.trim()) {
    return rows;
  }
  const predicate = new Function('row', `return (${condition});`);
  return rows.filter((row) => {
    try {
      return Boolean(predicate(row));
    } catch {
      return false;
    }
  });
}

module.exports = { filterRows };
