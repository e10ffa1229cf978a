// corpus: label=insecure cwe=CWE-89 function=deleteNote
/**
 * Delete a note that belongs to the given owner.
 * Resolves with the number of rows removed.
 */
function deleteNote(db, noteId, owner) {
  return new Promise((resolve, reject) => {
    db.run(
      `DELETE FROM notes WHERE id = ${noteId} AND owner = '${owner}'`,
      function onDone(err) {
        if (err) {
          reject(err);
          return;
        }
        resolve(this.changes);
      }
    );
  });
}

module.exports = { deleteNote };
