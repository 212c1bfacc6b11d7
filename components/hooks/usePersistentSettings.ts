import { useCallback, useEffect, useState } from 'react';
import { DEFAULT_SETTINGS, restoreSettings, settingsFromFragment, type Settings } from '../../src/settings';

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

/**
 * The settings object, restored from a shared link or this browser's storage and saved back
 * as it changes. Only choices are stored, never the data. The third value tells whether they
 * came from a share link (whose threshold is then kept as given).
 */
export function usePersistentSettings(): [Settings, (patch: Partial<Settings>) => void, boolean] {
  const [restoredFromLink] = useState(() => settingsFromFragment(window.location.hash) !== null);
  const [settings, setSettings] = useState<Settings>(initialSettings);
  useEffect(() => {
    const timer = window.setTimeout(() => {
      try {
        window.localStorage.setItem(STORAGE_KEY, JSON.stringify(settings));
      } catch {
        // Storage can be full or disabled; the page works the same without it.
      }
    }, SAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [settings]);
  const change = useCallback((patch: Partial<Settings>) => setSettings((s) => ({ ...s, ...patch })), []);
  return [settings, change, restoredFromLink];
}
