// Finds the language server: DUALGAUGE_SERVER_PATH, then the dualgauge.server.path setting, then
// the copy bundled in the extension's server/ folder. The first source that is set wins; a set
// source that points nowhere is an error rather than a silent fall-through, so a typo is visible.
import * as path from 'node:path';

export const ServerEnvironmentVariable = 'DUALGAUGE_SERVER_PATH';
export const ServerAssemblyName = 'dualgauge-languageserver.dll';

export type ServerSource = 'environment' | 'setting' | 'bundled';

export interface ServerLookupInput {
  env: Readonly<Record<string, string | undefined>>;
  settingPath: string | undefined;
  extensionPath: string;
  dotnetPath: string;
  fileExists(p: string): boolean;
}

export type ServerLookupResult =
  | { found: true; source: ServerSource; serverPath: string; command: string; args: string[] }
  | { found: false; message: string; looked: string[] };

export function locateServer(input: ServerLookupInput): ServerLookupResult {
  const fromEnv = input.env[ServerEnvironmentVariable]?.trim();
  if (fromEnv) {
    return resolveExplicit(input, fromEnv, 'environment', `environment variable ${ServerEnvironmentVariable}`);
  }
  const fromSetting = input.settingPath?.trim();
  if (fromSetting) {
    return resolveExplicit(input, fromSetting, 'setting', 'setting dualgauge.server.path');
  }
  const bundled = path.join(input.extensionPath, 'server', ServerAssemblyName);
  if (input.fileExists(bundled)) {
    return launch(input, bundled, 'bundled');
  }
  return {
    found: false,
    looked: [bundled],
    message:
      `DualGauge language server not found: ${bundled} does not exist. ` +
      `Set the environment variable ${ServerEnvironmentVariable} or the setting dualgauge.server.path ` +
      `to ${ServerAssemblyName} (or a folder holding it), or reinstall the extension.`,
  };
}

function resolveExplicit(input: ServerLookupInput, configured: string, source: ServerSource, where: string): ServerLookupResult {
  const candidates = configured.toLowerCase().endsWith('.dll') || /[\\/]dualgauge-languageserver(\.exe)?$/i.test(configured)
    ? [configured]
    : [configured, path.join(configured, ServerAssemblyName)];
  for (const candidate of candidates) {
    if (input.fileExists(candidate)) {
      return launch(input, candidate, source);
    }
  }
  return {
    found: false,
    looked: candidates,
    message:
      `DualGauge language server not found: the ${where} is "${configured}", but ` +
      `${candidates.join(' and ')} ${candidates.length > 1 ? 'do' : 'does'} not exist. ` +
      `Point it at ${ServerAssemblyName} from 'dotnet publish server/DualGauge.LanguageServer', or unset it to use the bundled server.`,
  };
}

function launch(input: ServerLookupInput, serverPath: string, source: ServerSource): ServerLookupResult {
  // A framework-dependent publish is a .dll run by the dotnet host; anything else is an apphost.
  if (serverPath.toLowerCase().endsWith('.dll')) {
    return { found: true, source, serverPath, command: input.dotnetPath || 'dotnet', args: [serverPath] };
  }
  return { found: true, source, serverPath, command: serverPath, args: [] };
}
