import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { entryDescription, entryLabel, fileLabel, groupHistory, newestFirst, verdictIcon } from '../../src/features/history/historyModel';
import type { HistoryEntrySummary, Verdict } from '../../src/infrastructure/protocol';

function entry(id: number, time: Date, uri: string, verdict: Verdict = 'insecure'): HistoryEntrySummary {
  return {
    id, time: time.toISOString(), uri, verdict,
    range: { start: { line: 4, character: 0 }, end: { line: 9, character: 0 } },
    source: 'inlineSuggestion', language: 'python', template: 'py-sql-user-lookup', matchKind: 'benchTask', confidence: 0.9,
    functionalPass: true, securePass: false, failedTests: ['tautology_in_username'], codeHash: 'abc',
  };
}

const now = new Date(2026, 10, 25, 15, 0, 0);
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

describe('groupHistory', () => {
  const a = 'file:///ws/a.py';
  const b = 'file:///ws/sub/b%20c.js';
  const entries = [entry(1, hoursAgo(30), a), entry(2, hoursAgo(2), b), entry(3, hoursAgo(1), a), entry(4, hoursAgo(60), b)];

  it('groupHistory_ByFile_GroupsOrderedByNewestEntryAndEntriesNewestFirst', () => {
    const groups = groupHistory(entries, 'file', now);
    assert.deepEqual(groups.map((g) => g.label), ['a.py', 'b c.js']);
    assert.deepEqual(groups[0].entries.map((e) => e.id), [3, 1]);
    assert.deepEqual(groups[1].entries.map((e) => e.id), [2, 4]);
    assert.equal(groups[0].uri, a);
  });

  it('groupHistory_ByDay_LabelsTodayYesterdayAndDate', () => {
    const groups = groupHistory(entries, 'day', now);
    assert.deepEqual(groups.map((g) => g.label), ['Today', 'Yesterday', '2026-11-23']);
    assert.deepEqual(groups[0].entries.map((e) => e.id), [3, 2]);
  });

  it('groupHistory_Empty_NoGroups', () => {
    assert.deepEqual(groupHistory([], 'file', now), []);
  });

  it('newestFirst_SameTime_HigherIdFirst', () => {
    const t = hoursAgo(1);
    assert.deepEqual(newestFirst([entry(1, t, a), entry(2, t, a)]).map((e) => e.id), [2, 1]);
  });
});

describe('verdictIcon', () => {
  it('verdictIcon_EachVerdict_DistinctIcon', () => {
    const verdicts: Verdict[] = ['secure', 'insecure', 'broken', 'notMatched', 'error'];
    const icons = verdicts.map((v) => verdictIcon(v).codicon);
    assert.equal(new Set(icons).size, verdicts.length);
    assert.equal(verdictIcon('secure').codicon, 'pass-filled');
    assert.equal(verdictIcon('insecure').codicon, 'shield');
    assert.equal(verdictIcon('broken').codicon, 'warning');
    assert.equal(verdictIcon('notMatched').codicon, 'question');
  });

  it('verdictIcon_UnknownVerdict_NeutralIconNamingIt', () => {
    const icon = verdictIcon('weird');
    assert.equal(icon.codicon, 'circle-outline');
    assert.match(icon.label, /weird/);
  });

  it('verdictIcon_ObjectPrototypeName_NotTreatedAsVerdict', () => {
    assert.equal(verdictIcon('toString').codicon, 'circle-outline');
  });
});

describe('labels', () => {
  it('entryLabel_NoTemplate_SaysNothingMatched', () => {
    assert.equal(entryLabel({ ...entry(1, now, 'file:///x.py', 'notMatched'), template: null, matchKind: 'none' }), 'Not matched: no template matched');
  });

  it('entryDescription_ByDay_IncludesFileAndOneBasedLine', () => {
    assert.match(entryDescription(entry(1, now, 'file:///ws/a.py'), 'day'), /^a\.py:5 · inline suggestion · 15:00$/);
  });

  it('fileLabel_EncodedUri_Decoded', () => {
    assert.equal(fileLabel('file:///ws/my%20file.py'), 'my file.py');
  });

  it('groupHistory_ByVerdictAndByCwe_EntryUnderEachCweItFailed', () => {
    const a = { ...entry(1, now, 'file:///ws/a.py', 'insecure'), function: 'find_user', cwes: ['CWE-89', 'CWE-78'] };
    const b = { ...entry(2, now, 'file:///ws/b.py', 'secure'), function: 'ok', cwes: [] };
    assert.deepEqual(groupHistory([a, b], 'verdict', now).map((g) => [g.label, g.entries.map((e) => e.id)]), [['Secure', [2]], ['Insecure', [1]]]);
    assert.deepEqual(groupHistory([a, b], 'cwe', now).map((g) => [g.label, g.entries.map((e) => e.id)]), [['No CWE found', [2]], ['CWE-89', [1]], ['CWE-78', [1]]]);
  });

  it('entryLabel_FunctionAndCwes_AndDescriptionCountsReruns', () => {
    const a = { ...entry(1, now, 'file:///ws/a.py', 'insecure'), function: 'find_user', cwes: ['CWE-89'], reruns: 2 };
    assert.equal(entryLabel(a), 'Insecure: find_user · CWE-89');
    assert.equal(entryLabel({ ...a, accepted: ['CWE-89: vouchers are ours'] }), 'Insecure: find_user · CWE-89 accepted');
    assert.match(entryDescription(a, 'file'), /^line 5 · inline suggestion · 15:00 · re-run 2×$/);
  });
});
