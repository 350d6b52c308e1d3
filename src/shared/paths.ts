/**
 * Where the app keeps user data. Browser mode and Electron use the same directory (Electron's own
 * `userData` convention), so a user who switches between them keeps one set of settings.
 */
export const APP_DIR_NAME = 'Cloud Native Atlas';

export interface PlatformFacts {
  platform: string;
  home: string;
  env: Record<string, string | undefined>;
}

export function defaultUserDataDir({ platform, home, env }: PlatformFacts): string {
  if (platform === 'win32') {
    const appData = env['APPDATA'] ?? `${home}\\AppData\\Roaming`;
    return `${appData}\\${APP_DIR_NAME}`;
  }
  if (platform === 'darwin') return `${home}/Library/Application Support/${APP_DIR_NAME}`;
  const configHome = env['XDG_CONFIG_HOME'] || `${home}/.config`;
  return `${configHome}/${APP_DIR_NAME}`;
}
