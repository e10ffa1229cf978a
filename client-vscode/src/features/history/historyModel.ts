// Pure shaping of history entries for the tree: grouping, ordering, labels and verdict icons.
import type { HistoryEntrySummary, Verdict } from '../../infrastructure/protocol';

export type Grouping = 'file' | 'day' | 'verdict' | 'cwe';

export const Groupings: readonly Grouping[] = ['file', 'day', 'verdict', 'cwe'];

export interface HistoryGroup {
  key: string;
  label: string;
  /** For file groups: the document uri. */
  uri?: string;
  entries: HistoryEntrySummary[];
}

export interface VerdictIcon {
  /** A codicon id. */
  codicon: string;
  /** A theme color id. */
  color: string;
  label: string;
}

const icons: Record<Verdict, VerdictIcon> = {
  secure: { codicon: 'pass-filled', color: 'testing.iconPassed', label: 'Secure' },
  insecure: { codicon: 'shield', color: 'errorForeground', label: 'Insecure' },
  broken: { codicon: 'warning', color: 'editorWarning.foreground', label: 'Broken' },
  notMatched: { codicon: 'question', color: 'descriptionForeground', label: 'Not matched' },
  notJudged: { codicon: 'circle-slash', color: 'descriptionForeground', label: 'Not judged' },
  error: { codicon: 'error', color: 'editorError.foreground', label: 'Evaluation error' },
};

export function verdictIcon(verdict: string): VerdictIcon {
  return Object.prototype.hasOwnProperty.call(icons, verdict)
    ? icons[verdict as Verdict]
    : { codicon: 'circle-outline', color: 'descriptionForeground', label: `Unknown verdict "${verdict}"` };
}

/** Newest first; ties broken by id so the order is stable. */
export function newestFirst(entries: readonly HistoryEntrySummary[]): HistoryEntrySummary[] {
  return [...entries].sort((a, b) => timeOf(b) - timeOf(a) || b.id - a.id);
}

/**
 * Groups entries; groups are ordered by their newest entry, entries newest first inside.
 * Days are local calendar days, labelled "Today", "Yesterday" or the ISO date.
 */
export function groupHistory(entries: readonly HistoryEntrySummary[], grouping: Grouping, now: Date): HistoryGroup[] {
  const groups = new Map<string, HistoryGroup>();
  for (const entry of newestFirst(entries)) {
    for (const key of groupKeys(entry, grouping)) {
      let group = groups.get(key);
      if (!group) {
        group = grouping === 'file'
          ? { key, label: fileLabel(entry.uri), uri: entry.uri, entries: [] }
          : grouping === 'day' ? { key, label: dayLabel(key, now), entries: [] }
            : grouping === 'verdict' ? { key, label: verdictIcon(key).label, entries: [] }
              : { key, label: key === NoCwe ? 'No CWE found' : key, entries: [] };
        groups.set(key, group);
      }
      group.entries.push(entry);
    }
  }
  return [...groups.values()];
}

const NoCwe = '(none)';

/** An entry sits under every CWE it was found insecure for (or "No CWE found"). */
function groupKeys(entry: HistoryEntrySummary, grouping: Grouping): string[] {
  switch (grouping) {
    case 'file': return [entry.uri];
    case 'day': return [localDay(new Date(timeOf(entry)))];
    case 'verdict': return [entry.verdict];
    case 'cwe': return entry.cwes && entry.cwes.length > 0 ? [...entry.cwes] : [NoCwe];
  }
}

/** "Insecure: find_user · SQL injection (CWE-89)", "Secure: find_user", "Not judged: find_user". */
export function entryLabel(entry: HistoryEntrySummary): string {
  const verdict = verdictIcon(entry.verdict).label;
  const name = entry.function ?? (entry.template ?? (entry.matchKind === 'none' ? 'no template matched' : entry.matchKind));
  const accepted = new Set((entry.accepted ?? []).map((a) => a.split(':')[0]));
  const cwes = entry.cwes && entry.cwes.length > 0 ? ` · ${entry.cwes.map((c) => (accepted.has(c) ? `${c} accepted` : c)).join(', ')}` : '';
  return `${verdict}: ${name}${cwes}`;
}

export function entryDescription(entry: HistoryEntrySummary, grouping: Grouping): string {
  const where = `${grouping === 'file' ? 'line ' : fileLabel(entry.uri) + ':'}${entry.range.start.line + 1}`;
  const at = new Date(timeOf(entry));
  const time = Number.isNaN(at.getTime()) ? entry.time : `${pad(at.getHours())}:${pad(at.getMinutes())}`;
  const reruns = entry.reruns && entry.reruns > 0 ? ` · re-run ${entry.reruns}×` : '';
  return `${where} · ${sourceLabel(entry.source)} · ${time}${reruns}`;
}

export function entryTooltip(entry: HistoryEntrySummary): string {
  const lines = [
    entry.headline && entry.headline.length > 0 ? entry.headline : `${verdictIcon(entry.verdict).label} — ${entry.uri}`,
    entry.uri,
    `Lines ${entry.range.start.line + 1}-${entry.range.end.line + 1}, ${entry.language}, from ${sourceLabel(entry.source)}`,
    `Match: ${entry.matchKind}${entry.template ? ` (${entry.template})` : ''}, confidence ${Math.round(entry.confidence * 100)}%`,
  ];
  if (entry.failedTests.length > 0) {
    lines.push(`Failed: ${entry.failedTests.join(', ')}`);
  }
  for (const accepted of entry.accepted ?? []) {
    lines.push(`Accepted: ${accepted}`);
  }
  if (entry.cwesTested && entry.cwesTested.length > 0) {
    lines.push(`Tested: ${entry.cwesTested.join(', ')}`);
  }
  lines.push(`Evaluated ${entry.time}${entry.reruns ? ` (re-run ${entry.reruns}×)` : ''}`);
  return lines.join('\n');
}

export function sourceLabel(source: string): string {
  switch (source) {
    case 'inlineSuggestion': return 'inline suggestion';
    case 'largeInsertion': return 'large insertion';
    case 'chat': return 'chat';
    case 'selection': return 'selection';
    case 'save': return 'save';
    default: return source;
  }
}

export function fileLabel(uri: string): string {
  const withoutQuery = uri.replace(/[?#].*$/, '');
  const slash = withoutQuery.lastIndexOf('/');
  const name = slash >= 0 ? withoutQuery.slice(slash + 1) : withoutQuery;
  try {
    return decodeURIComponent(name) || uri;
  } catch {
    return name || uri;
  }
}

function timeOf(entry: HistoryEntrySummary): number {
  const t = Date.parse(entry.time);
  return Number.isNaN(t) ? 0 : t;
}

function localDay(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function dayLabel(day: string, now: Date): string {
  if (day === localDay(now)) {
    return 'Today';
  }
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  return day === localDay(yesterday) ? 'Yesterday' : day;
}

function pad(n: number): string {
  return n.toString().padStart(2, '0');
}
