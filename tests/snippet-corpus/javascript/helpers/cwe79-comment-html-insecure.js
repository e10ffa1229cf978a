// corpus: label=insecure cwe=CWE-79 function=renderComment
/**
 * Render one blog comment as an HTML fragment. Line breaks in the body
 * are turned into <br> so multi-paragraph comments look right.
 * @param {{ author: string, body: string, postedAt: Date }} comment
 */
function renderComment(comment) {
  const when = comment.postedAt.toISOString().slice(0, 10);
  const body = comment.body.split(/\r?\n/).join('<br>');

  return [
    '<article class="comment">',
    `  <header><b>${comment.author}</b> <time>${when}</time></header>`,
    `  <p>${body}</p>`,
    '</article>',
  ].join('\n');
}

module.exports = { renderComment };
