/** Something the page offers to do about the problem it reports, as a button in the banner. */
export interface ErrorAction {
  label: string;
  testId: string;
  onClick: () => void;
}

/** The one place bad input is reported; screen readers announce it. */
export function ErrorBanner({ message, actions = [], onDismiss }: { message: string | null; actions?: ErrorAction[]; onDismiss: () => void }) {
  if (!message) return null;
  return (
    <div className="error" role="alert" data-testid="error">
      <span>{message}</span>
      {actions.length > 0 && (
        <span className="error-actions">
          {actions.map((action) => (
            <button key={action.testId} type="button" data-testid={action.testId} onClick={action.onClick}>
              {action.label}
            </button>
          ))}
        </span>
      )}
      <button type="button" className="link" onClick={onDismiss} aria-label="Dismiss the message">
        ×
      </button>
    </div>
  );
}
