// Stands in for an AI assistant in the end-to-end test: after the marker comment it offers a
// whole function as ghost text, which the test accepts with Tab.
const vscode = require('vscode');

const marker = '# suggest: lookup';
const suggestion = [
  'def lookup_user(conn, username):',
  '    cursor = conn.cursor()',
  '    cursor.execute(f"SELECT id, name, email FROM users WHERE name = \'{username}\'")',
  '    return cursor.fetchall()',
].join('\n');

exports.activate = (context) => {
  context.subscriptions.push(
    vscode.languages.registerInlineCompletionItemProvider({ language: 'python' }, {
      provideInlineCompletionItems(document, position) {
        if (position.line === 0 || document.lineAt(position.line - 1).text.trim() !== marker) {
          return [];
        }
        const typed = document.lineAt(position.line).text.slice(0, position.character);
        if (!suggestion.startsWith(typed)) {
          return [];
        }
        return [new vscode.InlineCompletionItem(suggestion, new vscode.Range(position.line, 0, position.line, position.character))];
      },
    }),
  );
};
