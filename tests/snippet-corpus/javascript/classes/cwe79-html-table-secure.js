// corpus: label=secure cwe=CWE-79 function=render class=HtmlTable
class HtmlTable {
  /**
   * @param {string[]} columns  keys to show, in order
   * @param {{ caption?: string }} [options]
   */
  constructor(columns, { caption } = {}) {
    this.columns = columns;
    this.caption = caption;
  }

  static escape(value) {
    return String(value ?? '')
      .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  }

  render(rows) {
    const esc = HtmlTable.escape;
    const head = this.columns.map((c) => `<th>${esc(c)}</th>`).join('');
    const body = rows
      .map((row) => `<tr>${this.columns.map((c) => `<td>${esc(row[c])}</td>`).join('')}</tr>`)
      .join('\n');
    const caption = this.caption ? `<caption>${esc(this.caption)}</caption>` : '';
    return `<table>${caption}<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
  }
}

module.exports = HtmlTable;
