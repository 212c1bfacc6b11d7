import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { createThresholdStore, ThresholdContext } from '../../../components/cockpit/threshold-store';

/**
 * Renders a chart to static markup in node (no DOM), as Observable Plot's tests do, and
 * normalises what would churn without a change of meaning: React's generated ids and the
 * digits past the third decimal. One tag per line, so a diff shows what moved.
 */
export function chartMarkup(element: ReactElement, threshold = 0.5): string {
  const store = createThresholdStore(threshold);
  return normaliseMarkup(renderToStaticMarkup(createElement(ThresholdContext.Provider, { value: store }, element)));
}

export function normaliseMarkup(markup: string): string {
  const ids = new Map<string, string>();
  // useId gives «r0», :r0: or _r_0_ depending on the React version.
  const withIds = markup.replace(/«[^»]+»|:r[0-9a-z]+:|_r_[0-9a-z]+_/gi, (id) => {
    if (!ids.has(id)) ids.set(id, `id${ids.size}`);
    return ids.get(id) ?? id;
  });
  const rounded = withIds.replace(/-?\d+\.\d{4,}(e[-+]?\d+)?/gi, (n) => {
    const r = Number(Number(n).toFixed(3));
    return String(Object.is(r, -0) ? 0 : r);
  });
  return `${rounded.replace(/></g, '>\n<')}\n`;
}
