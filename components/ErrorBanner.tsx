/** The one place bad input is reported; screen readers announce it. */
export function ErrorBanner({ message, onDismiss }: { message: string | null; onDismiss: () => void }) {
  if (!message) return null;
  return (
    <div className="error" role="alert" data-testid="error">
      <span>{message}</span>
      <button type="button" className="link" onClick={onDismiss} aria-label="Dismiss the message">
        ×
      </button>
    </div>
  );
}
