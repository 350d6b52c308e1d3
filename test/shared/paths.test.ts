import { describe, expect, it } from 'vitest';
import { defaultUserDataDir } from '../../src/shared/paths';

describe('default user data folder (same as Electron userData)', () => {
  it.each([
    [{ platform: 'linux', home: '/home/u', env: {} }, '/home/u/.config/Cloud Native Atlas'],
    [{ platform: 'linux', home: '/home/u', env: { XDG_CONFIG_HOME: '/xdg' } }, '/xdg/Cloud Native Atlas'],
    [{ platform: 'darwin', home: '/Users/u', env: {} }, '/Users/u/Library/Application Support/Cloud Native Atlas'],
    [{ platform: 'win32', home: 'C:\\Users\\u', env: { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' } }, 'C:\\Users\\u\\AppData\\Roaming\\Cloud Native Atlas'],
  ])('%j → %s', (facts, expected) => expect(defaultUserDataDir(facts)).toBe(expected));
});
