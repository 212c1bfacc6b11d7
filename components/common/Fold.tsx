import type { ReactNode } from 'react';

interface FoldProps {
  name: string;
  /** Folded: the panel shows as one summary line (its heading, status and main buttons). */
  folded: boolean;
  onToggle: () => void;
  children: ReactNode;
}

/**
 * A panel that folds into one line once its step is done, so the decision cockpit gets the
 * screen; the line keeps the panel's summary, status and buttons, and reopens it on a click.
 */
export function Fold({ name, folded, onToggle, children }: FoldProps) {
  return (
    <div className={`fold fold-${name}${folded ? ' folded' : ''}`} data-testid={`${name}-fold`} data-folded={folded}>
      {children}
      <button type="button" className="fold-toggle" data-testid={`${name}-fold-toggle`} aria-expanded={!folded} onClick={onToggle}>
        {folded ? 'Show all ▾' : 'Fold ▴'}
      </button>
    </div>
  );
}
