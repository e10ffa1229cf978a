// Renders one history entry as a self-contained HTML page. Everything from the server or the
// document is escaped, the page runs no script, and the CSP forbids anything but its own inline
// styles, so evaluated code (which is untrusted by definition) cannot act inside the webview.
import type { HistoryEntry } from '../../infrastructure/protocol';
import { entryTooltip, fileLabel, sourceLabel, verdictIcon } from './historyModel';

export function escapeHtml(value: unknown): string {
  const text = typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
  return text.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src 'nonce-${nonce}'`,
    `img-src ${cspSource}`,
    "script-src 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function renderDetailsPage(entry: HistoryEntry, cspSource: string, nonce: string): string {
  const icon = verdictIcon(entry.verdict);
  const sections = [
    section('Summary', summaryTable(entry)),
    section('Code', entry.code ? `<pre class="code">${escapeHtml(entry.code)}</pre>` : '<p class="muted">No code stored.</p>'),
    section('Tests', testsTable(entry.tests)),
    section('Findings', listOrNone(entry.findings, 'No findings.')),
    section('Evidence', entry.evidence === undefined || entry.evidence === null ? '<p class="muted">No evidence recorded.</p>' : `<pre>${escapeHtml(pretty(entry.evidence))}</pre>`),
    section('Trace', traceBlock(entry.trace)),
    section('Report', entry.report ? `<pre class="report">${escapeHtml(entry.report)}</pre>` : '<p class="muted">No report.</p>'),
  ];
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(`DualGauge #${entry.id}`)}</title>
<style nonce="${escapeHtml(nonce)}">
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 1.5em 2em; }
h1 { font-size: 1.4em; } h2 { font-size: 1.1em; border-bottom: 1px solid var(--vscode-panel-border); padding-bottom: .2em; }
table { border-collapse: collapse; } td, th { text-align: left; padding: .2em .8em .2em 0; vertical-align: top; }
pre { background: var(--vscode-textCodeBlock-background); padding: .6em; overflow-x: auto; white-space: pre-wrap; }
.verdict-secure { color: var(--vscode-testing-iconPassed); } .verdict-insecure, .verdict-error { color: var(--vscode-errorForeground); }
.verdict-broken { color: var(--vscode-editorWarning-foreground); } .muted, .verdict-notMatched { color: var(--vscode-descriptionForeground); }
.fail { color: var(--vscode-errorForeground); } .pass { color: var(--vscode-testing-iconPassed); }
</style>
</head>
<body>
<h1 id="verdict" class="verdict-${escapeHtml(entry.verdict)}">${escapeHtml(icon.label)} — ${escapeHtml(fileLabel(entry.uri))}:${entry.range.start.line + 1}</h1>
${sections.join('\n')}
</body>
</html>`;
}

function section(title: string, body: string): string {
  return `<section data-section="${escapeHtml(title.toLowerCase())}"><h2>${escapeHtml(title)}</h2>${body}</section>`;
}

function summaryTable(entry: HistoryEntry): string {
  const rows: [string, string][] = [
    ['Verdict', verdictIcon(entry.verdict).label],
    ['Document', entry.uri],
    ['Lines', `${entry.range.start.line + 1}–${entry.range.end.line + 1}`],
    ['Language', entry.language],
    ['Source', sourceLabel(entry.source)],
    ['Match', `${entry.matchKind}${entry.template ? ` (${entry.template})` : ''}, confidence ${Math.round(entry.confidence * 100)}%`],
    ['Functional', passLabel(entry.functionalPass)],
    ['Security', passLabel(entry.securePass)],
    ['Failed tests', entry.failedTests.length ? entry.failedTests.join(', ') : 'none'],
    ['Evaluated', entry.time],
    ['Code hash', entry.codeHash],
  ];
  return `<table title="${escapeHtml(entryTooltip(entry))}">${rows.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>`;
}

function passLabel(value: boolean | null): string {
  return value === null ? 'not run' : value ? 'pass' : 'fail';
}

function testsTable(tests: unknown[] | undefined): string {
  if (!Array.isArray(tests) || tests.length === 0) {
    return '<p class="muted">No tests ran.</p>';
  }
  const rows = tests.map((test) => {
    const t = (test ?? {}) as Record<string, unknown>;
    const id = t.id ?? t.testId ?? t.name ?? '?';
    const passed = typeof t.passed === 'boolean' ? t.passed : t.status === 'pass' || t.status === 'passed';
    const status = String(t.status ?? (passed ? 'pass' : 'fail'));
    return `<tr><td class="${passed ? 'pass' : 'fail'}">${escapeHtml(status)}</td><td>${escapeHtml(t.kind ?? '')}</td><td>${escapeHtml(id)}</td><td>${escapeHtml(t.cwe ?? '')}</td><td>${escapeHtml(t.message ?? '')}</td></tr>`;
  });
  return `<table id="tests"><tr><th>Status</th><th>Kind</th><th>Test</th><th>CWE</th><th>Message</th></tr>${rows.join('')}</table>`;
}

function listOrNone(items: unknown[] | undefined, none: string): string {
  if (!Array.isArray(items) || items.length === 0) {
    return `<p class="muted">${escapeHtml(none)}</p>`;
  }
  return `<ul>${items.map((item) => {
    const f = (item ?? {}) as Record<string, unknown>;
    const head = [f.cwe, f.testId ?? f.test, f.oracle].filter((x) => typeof x === 'string' && x.length > 0).join(' · ');
    const message = typeof f.message === 'string' ? f.message : pretty(item);
    return `<li>${head ? `<strong>${escapeHtml(head)}</strong>: ` : ''}${escapeHtml(message)}</li>`;
  }).join('')}</ul>`;
}

function traceBlock(trace: unknown[] | undefined): string {
  if (!Array.isArray(trace) || trace.length === 0) {
    return '<p class="muted">No trace stored.</p>';
  }
  return `<pre class="trace">${trace.map((line) => escapeHtml(typeof line === 'string' ? line : JSON.stringify(line))).join('\n')}</pre>`;
}

function pretty(value: unknown): string {
  if (typeof value === 'string') {
    return value;
  }
  try {
    return JSON.stringify(value, null, 2);
  } catch {
    return String(value);
  }
}
