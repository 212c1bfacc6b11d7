import { useEffect, type RefObject } from 'react';
import { THRESHOLD_INPUT_ID } from './ThresholdInput';

/** A view of the second area: its name in the strip, and the heading that starts it. */
export interface SecondView {
  key: string;
  label: string;
  /** Finds the view's heading (or, for a card without one, its first element) in the second area. */
  selector: string;
}

/**
 * Every view below the cockpit, in page order. The headings belong to the views' own
 * components, so they are found by id or class at the moment a link is used; the layout e2e
 * test follows every link, so a heading that moves fails there.
 */
export const SECOND_VIEWS: readonly SecondView[] = [
  { key: 'scores', label: 'Scores', selector: '#view-scores-heading' },
  { key: 'metrics', label: 'Metrics', selector: '#view-metrics-heading' },
  { key: 'band', label: 'Review band', selector: '#band-heading' },
  { key: 'targets', label: 'Targets', selector: '.targets-panel > h2' },
  { key: 'calibration', label: 'Calibration', selector: '#view-calibration-heading' },
  { key: 'decision-curve', label: 'Decision curve', selector: '#view-decision-curve-heading' },
  { key: 'per-1000', label: 'Per 1,000', selector: '[data-testid="natural-frequencies"]' },
  { key: 'row-costs', label: 'Row costs', selector: '#row-costs-heading' },
  { key: 'groups', label: 'Groups', selector: '#group-heading' },
  { key: 'risk-bands', label: 'Risk bands', selector: '#risk-bands-heading' },
  { key: 'compare', label: 'Compare', selector: '#compare-heading' },
  { key: 'slices', label: 'Slices', selector: '#slices-heading' },
  { key: 'export', label: 'Export', selector: '#export-heading' },
];

/** Room left between the strip and a view brought into view, in CSS pixels. */
const GAP = 8;

/**
 * Scrolls the page so the view's card starts just below the sticky strip, and moves the focus
 * to its heading, so a screen reader reads the view from its name. False when it is not shown.
 */
export function showView(view: SecondView, strip: HTMLElement | null): boolean {
  const target = document.querySelector<HTMLElement>(`.more-views ${view.selector}`);
  if (!target) return false;
  const card = target.closest<HTMLElement>('.more-grid > *') ?? target;
  // The strip is stuck at the top once the page has scrolled past the cockpit's top.
  const covered = strip?.offsetHeight ?? 0;
  window.scrollTo({ top: window.scrollY + card.getBoundingClientRect().top - covered - GAP });
  // Headings take the focus only from script (tabindex -1), so Tab still skips them.
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: true });
  return true;
}

function focusThreshold(): void {
  document.getElementById(THRESHOLD_INPUT_ID)?.focus({ preventScroll: true });
}

/**
 * The strip's list of views: each button brings its view into view and focuses its heading;
 * "↑ Curves" goes back to the top and into the threshold box. Escape anywhere in the second
 * area returns the focus to the threshold box without scrolling, so the view stays in sight.
 */
export function ViewNav({ strip }: { strip: RefObject<HTMLElement | null> }) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      if (!(event.target instanceof Element) || !event.target.closest('.more-views')) return;
      event.preventDefault();
      focusThreshold();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return (
    <nav className="view-nav" aria-label="Views below the cockpit" data-testid="view-nav">
      <ul>
        <li>
          <button
            type="button"
            data-testid="back-to-threshold"
            title="Back to the curves, with the cursor in the threshold box (Escape in a view returns to the box without scrolling)"
            onClick={() => {
              window.scrollTo({ top: 0 });
              focusThreshold();
            }}
          >
            ↑ Curves
          </button>
        </li>
        {SECOND_VIEWS.map((view) => (
          <li key={view.key}>
            <button type="button" data-testid="view-link" data-view={view.key} onClick={() => showView(view, strip.current)}>
              {view.label}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
