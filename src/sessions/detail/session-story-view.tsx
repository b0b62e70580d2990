import { Link } from '@tanstack/react-router';
import type { SessionStory, StoryPart } from '../session-story';
import './session-story.css';

export interface SessionStoryViewProps {
  story: SessionStory;
  /** Finds a part's supporting lines in the log (the drawer); without it, parts are plain text (print). */
  onShowLines?: (lines: number[], label: string) => void;
}

function Part({
  part,
  onShowLines,
}: {
  part: StoryPart;
  onShowLines?: SessionStoryViewProps['onShowLines'];
}) {
  const content = part.value ? <bdi>{part.text}</bdi> : part.text;
  if (part.session) {
    const id = part.session;
    return (
      <Link to="/" search={{ session: id }} className="story-link">
        <bdi className="mono">{id}</bdi>
      </Link>
    );
  }
  if (part.lines && part.lines.length > 0 && onShowLines) {
    const lines = part.lines;
    // A leading space stays outside the button, where it separates words.
    const space = part.text.startsWith(' ') ? ' ' : '';
    const label = part.text.slice(space.length);
    return (
      <>
        {space}
        <button
          type="button"
          className="story-fact"
          title={`Show ${lines.length === 1 ? 'the log line' : `the ${lines.length} log lines`} that say this`}
          onClick={() => onShowLines(lines, label)}
        >
          {part.value ? <bdi>{label}</bdi> : label}
        </button>
      </>
    );
  }
  return <>{content}</>;
}

/** What happened, as one paragraph, then the key figures. */
export function SessionStoryView({ story, onShowLines }: SessionStoryViewProps) {
  return (
    <div className="session-story">
      <p className="story-text">
        {story.sentences.map((parts, i) => (
          <span key={i}>
            {i > 0 && ' '}
            {parts.map((part, j) => (
              <Part key={j} part={part} onShowLines={onShowLines} />
            ))}
          </span>
        ))}
      </p>
      {story.figures.length > 0 && (
        // The group carries the name: a <dl> with a role of its own would no longer hold its items.
        <div role="group" aria-label="Key figures">
          <dl className="key-figures">
            {story.figures.map((f) => (
              <div key={f.key} className="key-figure" title={f.title}>
                <dt>{f.label}</dt>
                <dd className="tabular">{f.value}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
    </div>
  );
}
