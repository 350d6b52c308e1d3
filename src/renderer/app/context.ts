/** Hands the one AppState to every component below App without threading it through props. */
import { getContext, setContext } from 'svelte';
import type { AppState } from './app-state.svelte';

const KEY = Symbol('atlas.app-state');

export function provideAppState(state: AppState): void {
  setContext(KEY, state);
}

/** The context for a component mounted by hand outside <App>'s tree (`mount(…, { context })`). */
export function appStateContext(state: AppState): Map<symbol, AppState> {
  return new Map([[KEY, state]]);
}

export function useAppState(): AppState {
  const state = getContext<AppState | undefined>(KEY);
  if (!state) throw new Error('useAppState() called outside <App>');
  return state;
}
