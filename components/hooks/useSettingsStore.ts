import { useCallback, useMemo, useRef, useState } from 'react';
import { dataSettingsOf, type DataSettings, type Settings } from '../../src/session/settings';
import { createThresholdStore } from '../cockpit/threshold-store';
import { usePersistentSettings } from './usePersistentSettings';

/**
 * The page's settings and its live threshold as one store. A drag sets the threshold up to 120
 * times a second, so it lives in the threshold store (only its subscribers re-render) and
 * reaches the saved settings once it settles; every other key is React state. `change` takes
 * any patch and routes each key; `current()` is the one place the two are put together, for
 * every action that reads the settings (train, export, the export panel).
 */
export function useSettingsStore() {
  const { settings, change: changeSettings, changeNow, fromLink } = usePersistentSettings();
  const [store] = useState(() => createThresholdStore(settings.threshold));
  const change = useCallback(
    (patch: Partial<Settings>) => {
      const { threshold, ...rest } = patch;
      if (threshold !== undefined) store.set(threshold);
      if (Object.keys(rest).length > 0) changeSettings(rest);
    },
    [store, changeSettings],
  );
  const settingsRef = useRef(settings);
  settingsRef.current = settings;
  const current = useCallback((): Settings => ({ ...settingsRef.current, threshold: store.get() }), [store]);
  // How a settled threshold is saved (later, or now on leaving the page).
  const persistence = { fromLink, change: changeSettings, changeNow };
  return { settings, store, change, current, settingsRef, persistence };
}

/** The data panel's settings, a new object only when one of DATA_SETTING_KEYS changes (so a drag does not re-render the panel). */
export function useDataSettings(settings: Settings): DataSettings {
  const key = JSON.stringify(dataSettingsOf(settings));
  return useMemo((): DataSettings => JSON.parse(key) as DataSettings, [key]);
}
