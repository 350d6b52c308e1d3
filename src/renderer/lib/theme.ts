/** The theme the page shows for a setting and the system preference. */
import type { Theme } from '../../shared/settings';

export type AppliedTheme = 'light' | 'dark';

export function resolveTheme(theme: Theme, systemPrefersDark: boolean): AppliedTheme {
  if (theme === 'system') return systemPrefersDark ? 'dark' : 'light';
  return theme;
}
