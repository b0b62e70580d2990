// The notice of what a link had that could not be used, with its Dismiss button.
export function UrlNoticesBanner({
  notices,
  onDismiss,
}: {
  notices: readonly string[];
  onDismiss: () => void;
}) {
  return (
    <div className="banner banner-warning url-notices" role="status">
      <div className="banner-body">
        <strong>Parts of this link were ignored or corrected.</strong>
        <ul>
          {notices.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      </div>
      <button
        type="button"
        className="btn btn-small btn-ghost"
        onClick={onDismiss}
        aria-label="Dismiss notice"
      >
        Dismiss
      </button>
    </div>
  );
}
