// Typed view of the "dualgauge" settings. The server reads the same section (minus the
// client-only server.* and history.* keys); defaults mirror the server's.

export interface DualGaugeSettings {
  dockerHost?: string;
  image?: string;
  autoEvaluateAiInsertions: boolean;
  evaluateOnSave: boolean;
  showUnmatchedInProblems: boolean;
  timeoutMs: number;
  languages: string[];
  largeInsertionThreshold: number;
  debounceMs: number;
}

export interface ClientSettings extends DualGaugeSettings {
  serverPath?: string;
  dotnetPath: string;
}

export const settingDefaults: ClientSettings = {
  autoEvaluateAiInsertions: true,
  evaluateOnSave: false,
  showUnmatchedInProblems: false,
  timeoutMs: 10000,
  languages: ['python', 'javascript', 'c', 'cpp'],
  largeInsertionThreshold: 8,
  debounceMs: 400,
  dotnetPath: 'dotnet',
};

/** Reads settings through a getter (vscode.WorkspaceConfiguration.get in the extension). */
export function readSettings(get: <T>(key: string) => T | undefined): ClientSettings {
  const text = (key: string): string | undefined => {
    const value = get<string>(key);
    return typeof value === 'string' && value.trim().length > 0 ? value.trim() : undefined;
  };
  const num = (key: string, fallback: number, min: number): number => {
    const value = get<number>(key);
    return typeof value === 'number' && Number.isFinite(value) && value >= min ? value : fallback;
  };
  const bool = (key: string, fallback: boolean): boolean => {
    const value = get<boolean>(key);
    return typeof value === 'boolean' ? value : fallback;
  };
  const languages = get<string[]>('languages');
  return {
    dockerHost: text('dockerHost'),
    image: text('image'),
    autoEvaluateAiInsertions: bool('autoEvaluateAiInsertions', settingDefaults.autoEvaluateAiInsertions),
    evaluateOnSave: bool('evaluateOnSave', settingDefaults.evaluateOnSave),
    showUnmatchedInProblems: bool('showUnmatchedInProblems', settingDefaults.showUnmatchedInProblems),
    timeoutMs: num('timeoutMs', settingDefaults.timeoutMs, 1),
    languages: Array.isArray(languages) ? languages.filter((l) => typeof l === 'string') : [...settingDefaults.languages],
    largeInsertionThreshold: num('largeInsertionThreshold', settingDefaults.largeInsertionThreshold, 0),
    debounceMs: num('debounceMs', settingDefaults.debounceMs, 0),
    serverPath: text('server.path'),
    dotnetPath: text('server.dotnetPath') ?? settingDefaults.dotnetPath,
  };
}

/** The part sent to the server in initializationOptions.settings. */
export function serverSettings(settings: ClientSettings): DualGaugeSettings {
  const { serverPath: _serverPath, dotnetPath: _dotnetPath, ...rest } = settings;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as unknown as DualGaugeSettings;
}
