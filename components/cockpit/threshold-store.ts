import { createContext, startTransition, useContext, useEffect, useState, useSyncExternalStore } from 'react';

/**
 * The live threshold, outside React state: a drag sets it up to 120 times a second, and only
 * the views that subscribe (handles, threshold lines, matrix, metrics) re-render. The settings
 * object receives the value a moment after it settles, for saving, links and the export.
 */
export interface ThresholdStore {
  get: () => number;
  set: (threshold: number) => void;
  subscribe: (listener: () => void) => () => void;
}

export function createThresholdStore(initial: number): ThresholdStore {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set: (threshold) => {
      if (Object.is(threshold, value)) return;
      value = threshold;
      for (const listener of [...listeners]) listener();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export const ThresholdContext = createContext<ThresholdStore | null>(null);

export function useThresholdStore(): ThresholdStore {
  const store = useContext(ThresholdContext);
  if (!store) throw new Error('useThreshold needs a ThresholdContext provider');
  return store;
}

/** The current threshold; re-renders the caller, and only the caller, when it changes. */
export function useThreshold(): number {
  const store = useThresholdStore();
  // The same getter serves server rendering (the chart snapshot tests render to static markup).
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}

/**
 * The threshold for views off the cockpit (the second area): it follows in a background
 * (transition) render, so a drag frame renders only the cockpit and these catch up as soon as
 * the pointer rests, a frame or two later.
 */
export function useBackgroundThreshold(): number {
  const store = useThresholdStore();
  const [value, setValue] = useState(store.get);
  useEffect(() => {
    setValue(store.get());
    return store.subscribe(() => startTransition(() => setValue(store.get())));
  }, [store]);
  return value;
}
