// corpus: label=secure cwe=CWE-79 function=renderComment
const ENTITY = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escape(text) {
  return String(text).replace(/[&<>"']/g, (c) => ENTITY[c]);
}

/**
 * Render one blog comment as an HTML fragment. Line breaks in the body
 * are turned into <br> after escaping.
 * @param {{ author: string, body: string, postedAt: Date }} comment
 */
function renderComment(comment) {
  const when = comment.postedAt.toISOString().slice(0, 10);
  const body = comment.body.split(/\r?\n/).map(escape).join('<br>');

  return [
    '<article class="comment">',
    `  <header><b>${escape(comment.author)}</b> <time>${when}</time></header>`,
    `  <p>${body}</p>`,
    '</article>',
  ].join('\n');
}

module.exports = { renderComment };
