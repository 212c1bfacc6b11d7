import { useCallback, useEffect, useRef, useState } from 'react';
import { DEFAULT_SETTINGS, restoreSettings, settingsFromFragment, type Settings } from '../../src/session/settings';

const STORAGE_KEY = 'cutoff.settings.v1';
// Writing on every drag frame would be wasted work; the last state a moment later is enough.
const SAVE_DELAY_MS = 250;

function initialSettings(): Settings {
  const fromLink = settingsFromFragment(window.location.hash);
  if (fromLink) return fromLink;
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    return saved ? restoreSettings(JSON.parse(saved)) : DEFAULT_SETTINGS;
  } catch {
    return DEFAULT_SETTINGS;
  }
}

function store(settings: Settings): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(settings));
  } catch {
    // Storage can be full or disabled; the page works the same without it.
  }
}

export interface PersistentSettings {
  settings: Settings;
  change: (patch: Partial<Settings>) => void;
  /** Changes and stores at once: for the moment the page is left, when a delayed save would be lost. */
  changeNow: (patch: Partial<Settings>) => void;
  /** The settings came from a share link (whose threshold is then kept as given). */
  fromLink: boolean;
}

/**
 * The settings object, restored from a shared link or this browser's storage and saved back
 * as it changes. Only choices are stored, never the data. A save still waiting when the page
 * is hidden or left (a reload, a closed tab) is written then, so no choice is lost to the delay.
 */
export function usePersistentSettings(): PersistentSettings {
  const [fromLink] = useState(() => settingsFromFragment(window.location.hash) !== null);
  const [settings, setSettings] = useState<Settings>(initialSettings);
  const latest = useRef(settings);
  const unsaved = useRef(false);
  latest.current = settings;

  useEffect(() => {
    unsaved.current = true;
    const timer = window.setTimeout(() => {
      unsaved.current = false;
      store(settings);
    }, SAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [settings]);

  useEffect(() => {
    const flush = () => {
      if (!unsaved.current) return;
      unsaved.current = false;
      store(latest.current);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);

  const change = useCallback((patch: Partial<Settings>) => setSettings((s) => ({ ...s, ...patch })), []);
  const changeNow = useCallback((patch: Partial<Settings>) => {
    latest.current = { ...latest.current, ...patch };
    unsaved.current = false;
    store(latest.current);
    setSettings((s) => ({ ...s, ...patch }));
  }, []);
  return { settings, change, changeNow, fromLink };
}
