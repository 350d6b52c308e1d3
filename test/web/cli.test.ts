import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseWebCliArgs } from '../../src/web/cli';

describe('npm run web arguments', () => {
  it('defaults to a free port and the app data folder', () => {
    const options = parseWebCliArgs([], { XDG_CONFIG_HOME: '/home/u/.config' });
    expect(options.port).toBe(0);
    expect(options.open).toBe(false);
    expect(options.build).toBe(true);
    if (process.platform === 'linux') expect(options.dataDir).toBe('/home/u/.config/Cloud Native Atlas');
  });

  it('takes the data folder from the flag before the environment', () => {
    expect(parseWebCliArgs(['--data-dir', 'here'], { ATLAS_DATA_DIR: '/env/dir' }).dataDir).toBe(resolve('here'));
    expect(parseWebCliArgs([], { ATLAS_DATA_DIR: '/env/dir' }).dataDir).toBe(resolve('/env/dir'));
  });

  it('reads --port, --open and --no-build', () => {
    expect(parseWebCliArgs(['--port', '8123', '--open', '--no-build'], {})).toMatchObject({ port: 8123, open: true, build: false });
  });

  it.each(['-1', '65536', 'abc', '80.5', ''])('rejects --port %j with a clear message', (port) => {
    expect(() => parseWebCliArgs([`--port=${port}`], {})).toThrow(/--port must be a whole number from 0 to 65535/);
  });

  it('rejects unknown flags', () => {
    expect(() => parseWebCliArgs(['--prot', '1'], {})).toThrow(/Unknown option '--prot'/);
  });
});
