import * as vscode from 'vscode';
import type { CommandManager } from '../../infrastructure/commandManager';
import { Methods, ServerCommands, type HistoryChangedParams, type HistoryEntrySummary, type MarkdownResult } from '../../infrastructure/protocol';
import type { ReportPanels } from '../reports/reportPanels';
import { toProtocolRange } from '../../infrastructure/vscodeHost';
import { entryLabel, verdictIcon } from '../history/historyModel';
import type { DualGaugeServer } from '../server/dualGaugeServer';

export const EvaluationCommandIds = {
  evaluateSelection: 'dualgauge.evaluateSelection',
  evaluateFile: 'dualgauge.evaluateFile',
  showReport: 'dualgauge.showReport',
  rerun: 'dualgauge.rerun',
  showRemediation: 'dualgauge.showRemediation',
} as const;

export function activateEvaluationFeature(commands: CommandManager, server: DualGaugeServer, panels: ReportPanels, showDetails: (id: number) => Promise<void>): vscode.Disposable {
  const showReport = async (id: number) => {
    const result = await server.executeCommand<MarkdownResult>(ServerCommands.showReport, [id]);
    panels.show(`report:${id}`, result?.title ?? `DualGauge report #${id}`, reportHtml(result));
  };
  commands.register(EvaluationCommandIds.evaluateSelection, async (uriArg?: unknown, rangeArg?: unknown) => {
    const editor = vscode.window.activeTextEditor;
    const uri = typeof uriArg === 'string' ? uriArg : editor ? editor.document.uri.toString() : undefined;
    if (!uri) {
      throw new Error('Open a Python, JavaScript or C file and select the code to evaluate.');
    }
    const range = isRange(rangeArg) ? rangeArg : editor ? toProtocolRange(selectionOrLine(editor)) : undefined;
    if (!range) {
      throw new Error('No selection to evaluate.');
    }
    const summary = await withProgress('Evaluating the selection in the sandbox…', () =>
      server.executeCommand<HistoryEntrySummary | null>(ServerCommands.evaluateSelection, [uri, range]));
    announce(summary ? [summary] : [], showDetails);
    return summary;
  });

  commands.register(EvaluationCommandIds.evaluateFile, async (uriArg?: unknown) => {
    const uri = typeof uriArg === 'string' ? uriArg : vscode.window.activeTextEditor?.document.uri.toString();
    if (!uri) {
      throw new Error('Open a Python, JavaScript or C file to evaluate.');
    }
    const summaries = await withProgress('Evaluating every function of the file in the sandbox…', () =>
      server.executeCommand<HistoryEntrySummary[]>(ServerCommands.evaluateFile, [uri]));
    announce(summaries ?? [], showDetails);
    return summaries;
  });

  // The server's code actions name these commands; the client runs them and renders the result.
  commands.register(EvaluationCommandIds.showReport, async (historyId?: unknown) => showReport(requireId(historyId)));
  commands.register(EvaluationCommandIds.rerun, async (historyId?: unknown) => {
    const summary = await withProgress('Re-running the evaluation…', () =>
      server.executeCommand<HistoryEntrySummary>(ServerCommands.rerun, [requireId(historyId)]));
    announce(summary ? [summary] : [], showDetails);
    return summary;
  });
  commands.register(EvaluationCommandIds.showRemediation, async (cwe?: unknown, language?: unknown) => {
    if (typeof cwe !== 'string' || cwe.length === 0) {
      throw new Error('dualgauge.showRemediation needs a CWE id such as "CWE-89".');
    }
    const lang = typeof language === 'string' && language.length > 0 ? language : vscode.window.activeTextEditor?.document.languageId;
    const result = await server.executeCommand<MarkdownResult>(ServerCommands.showRemediation, lang ? [cwe, lang] : [cwe]);
    panels.show(`remediation:${cwe}:${lang ?? ''}`, result?.title ?? `How to fix ${cwe}`, reportHtml(result));
  });

  // A re-run updates its entry: an open report of that entry is refreshed, never left stale.
  return server.onNotification<HistoryChangedParams>(Methods.historyChanged, (change) => {
    if (typeof change.id === 'number' && panels.isOpen(`report:${change.id}`)) {
      void showReport(change.id).catch(() => undefined);
    }
  });
}

function reportHtml(result: MarkdownResult | undefined | null): string {
  if (result?.html) {
    return result.html;
  }
  // An older server sends Markdown only: show it as text, escaped, rather than nothing.
  const text = result?.markdown ?? 'No report.';
  return `<pre>${text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)}</pre>`;
}

function selectionOrLine(editor: vscode.TextEditor): vscode.Range {
  // An empty selection means "the function under the cursor": the server widens to it.
  return editor.selection.isEmpty ? editor.document.lineAt(editor.selection.active.line).range : editor.selection;
}

function isRange(value: unknown): value is { start: { line: number; character: number }; end: { line: number; character: number } } {
  const r = value as { start?: { line?: unknown }; end?: { line?: unknown } } | undefined;
  return typeof r?.start?.line === 'number' && typeof r?.end?.line === 'number';
}

function requireId(value: unknown): number {
  const id = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : (value as { id?: unknown } | undefined)?.id;
  if (typeof id !== 'number' || !Number.isInteger(id)) {
    throw new Error(`Expected a history id, got ${JSON.stringify(value)}.`);
  }
  return id;
}

function withProgress<T>(title: string, work: () => Promise<T>): Promise<T> {
  return Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `DualGauge: ${title}` }, work));
}

function announce(summaries: HistoryEntrySummary[], showDetails: (id: number) => Promise<void>): void {
  if (summaries.length === 0) {
    void vscode.window.showInformationMessage('DualGauge: nothing in the selection could be evaluated.');
    return;
  }
  const worst = summaries.find((s) => s.verdict === 'insecure') ?? summaries.find((s) => s.verdict === 'broken') ?? summaries[0];
  const text = summaries.length === 1 ? `DualGauge: ${entryLabel(worst)}` : `DualGauge: ${summaries.length} functions evaluated; worst: ${entryLabel(worst)}`;
  const show = verdictIcon(worst.verdict).label === 'Secure' ? vscode.window.showInformationMessage : vscode.window.showWarningMessage;
  void show(text, 'Show Details').then((choice) => {
    if (choice === 'Show Details') {
      void showDetails(worst.id);
    }
  });
}

