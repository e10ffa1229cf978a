import * as vscode from 'vscode';
import { Methods, type HistoryEntrySummary, type HistoryListResult, type ServerChannel } from '../../infrastructure/protocol';
import { entryDescription, entryLabel, entryTooltip, groupHistory, verdictIcon, type Grouping, type HistoryGroup } from './historyModel';

export type HistoryNode = { kind: 'group'; group: HistoryGroup } | { kind: 'entry'; entry: HistoryEntrySummary } | { kind: 'message'; text: string };

/** How many entries the view asks for; the server pages, the view shows the newest. */
export const HistoryPageSize = 200;

export class HistoryTreeProvider implements vscode.TreeDataProvider<HistoryNode> {
  private readonly changed = new vscode.EventEmitter<HistoryNode | undefined>();
  private groups: HistoryGroup[] | undefined;
  private failure: string | undefined;
  private total = 0;

  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly server: ServerChannel & { readonly isRunning: boolean }, private grouping: Grouping) {}

  get currentGrouping(): Grouping {
    return this.grouping;
  }

  setGrouping(grouping: Grouping): void {
    this.grouping = grouping;
    this.refresh();
  }

  refresh(): void {
    this.groups = undefined;
    this.changed.fire(undefined);
  }

  async getChildren(node?: HistoryNode): Promise<HistoryNode[]> {
    if (node?.kind === 'group') {
      return node.group.entries.map((entry) => ({ kind: 'entry', entry }));
    }
    if (node) {
      return [];
    }
    if (!this.groups) {
      await this.load();
    }
    if (this.failure) {
      return [{ kind: 'message', text: this.failure }];
    }
    // An empty list shows the view's welcome content (package.json viewsWelcome).
    return (this.groups ?? []).map((group) => ({ kind: 'group', group }));
  }

  getTreeItem(node: HistoryNode): vscode.TreeItem {
    if (node.kind === 'message') {
      const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
      item.iconPath = new vscode.ThemeIcon('info');
      return item;
    }
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(node.group.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `group:${this.grouping}:${node.group.key}`;
      item.description = `${node.group.entries.length}`;
      item.contextValue = 'dualgaugeHistoryGroup';
      if (node.group.uri) {
        item.resourceUri = vscode.Uri.parse(node.group.uri);
        item.iconPath = vscode.ThemeIcon.File;
        item.tooltip = node.group.uri;
      } else {
        const icon = this.grouping === 'verdict' ? verdictIcon(node.group.key) : undefined;
        item.iconPath = icon
          ? new vscode.ThemeIcon(icon.codicon, new vscode.ThemeColor(icon.color))
          : new vscode.ThemeIcon(this.grouping === 'cwe' ? 'shield' : 'calendar');
      }
      return item;
    }
    const entry = node.entry;
    const icon = verdictIcon(entry.verdict);
    const item = new vscode.TreeItem(entryLabel(entry), vscode.TreeItemCollapsibleState.None);
    item.id = `entry:${this.grouping}:${entry.id}`;
    item.description = entryDescription(entry, this.grouping);
    item.tooltip = entryTooltip(entry);
    item.iconPath = new vscode.ThemeIcon(icon.codicon, new vscode.ThemeColor(icon.color));
    item.contextValue = `dualgaugeHistoryEntry.${entry.verdict}`;
    item.accessibilityInformation = { label: `${icon.label} ${entryLabel(entry)} ${item.description}` };
    item.command = { command: 'dualgauge.history.reveal', title: 'Reveal Snippet', arguments: [node] };
    return item;
  }

  private async load(): Promise<void> {
    this.failure = undefined;
    if (!this.server.isRunning) {
      this.groups = [];
      this.failure = 'The DualGauge server is not running.';
      return;
    }
    try {
      const result = await this.server.sendRequest<HistoryListResult>(Methods.historyList, { offset: 0, limit: HistoryPageSize });
      this.total = result?.total ?? 0;
      this.groups = groupHistory(result?.items ?? [], this.grouping, new Date());
    } catch (error) {
      this.groups = [];
      this.failure = `Could not load the history: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  get totalEntries(): number {
    return this.total;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
