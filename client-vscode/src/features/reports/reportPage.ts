// The page a report, a remediation note or a history entry's report is shown in. The HTML comes
// from the server, which renders the Markdown with raw HTML escaped; the page runs no script and
// its CSP allows only its own nonce'd styles, so quoted code can never act. Colours come from the
// theme's variables; symbols are plain text (no emoji font needed).
import { contentSecurityPolicy, escapeHtml } from '../history/detailsPage';

export const reportStyles = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 1.5em 2em; line-height: 1.45; }
h1 { font-size: 1.4em; font-weight: 600; } h2 { font-size: 1.15em; border-bottom: 1px solid var(--vscode-panel-border); padding-bottom: .2em; margin-top: 1.4em; }
a { color: var(--vscode-textLink-foreground); }
code { font-family: var(--vscode-editor-font-family); background: var(--vscode-textCodeBlock-background); padding: 0 .2em; border-radius: 3px; }
pre { background: var(--vscode-textCodeBlock-background); padding: .6em .8em; overflow-x: auto; white-space: pre-wrap; border-radius: 4px; }
pre code { padding: 0; background: none; }
table { border-collapse: collapse; margin: .4em 0; } th, td { text-align: left; padding: .25em .8em .25em 0; vertical-align: top; border-bottom: 1px solid var(--vscode-panel-border); }
blockquote { margin: 0; padding-left: .8em; border-left: 3px solid var(--vscode-textBlockQuote-border); color: var(--vscode-textBlockQuote-foreground, var(--vscode-descriptionForeground)); }
`;

export function renderReportPage(title: string, html: string, cspSource: string, nonce: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(title)}</title>
<style nonce="${escapeHtml(nonce)}">${reportStyles}</style>
</head>
<body>
<main id="report">
${html}
</main>
</body>
</html>`;
}

/** Panel titles: short enough for a tab. */
export function panelTitle(title: string): string {
  return title.length <= 60 ? title : title.slice(0, 59) + '…';
}
