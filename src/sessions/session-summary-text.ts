// "Copy summary": a session as plain text for a ticket or a chat. The story and figures are the
// drawer's own (session-story.ts); mask the session first (mask.ts) to hand it on masked.
import { formatFullDateTime, formatOffsetFrom, type DisplayZone } from '../lib/format';
import type { Session, WireDate } from './api/session';
import { isLive } from './session-display';
import { figuresText, storyText, type SessionStory } from './session-story';

export interface SummaryTextOptions {
  zone: DisplayZone;
  /** The link that opens this session. */
  link: string;
  includeLog: boolean;
}

function dateText(date: WireDate | undefined, zone: DisplayZone): string | undefined {
  if (!date) return undefined;
  return date.ms === undefined ? date.raw : formatFullDateTime(date.ms, zone);
}

export function sessionSummaryText(
  s: Session,
  story: SessionStory,
  { zone, link, includeLog }: SummaryTextOptions,
): string {
  const lines = [storyText(story)];
  const figures = figuresText(story);
  if (figures) lines.push('', figures);
  lines.push('');
  const started = dateText(s.dateCreated, zone);
  if (started) lines.push(`Started: ${started}`);
  const ended = isLive(s) ? 'still going on' : dateText(s.dateCompleted, zone);
  if (ended) lines.push(`Ended: ${ended}`);
  lines.push(`Session: ${s.id}`, `Link: ${link}`);
  if (includeLog && s.log.length > 0) {
    const origin = s.dateCreated?.ms;
    lines.push('', `Log (${s.log.length}):`);
    for (const entry of s.log) {
      const at = entry.date?.ms;
      const when =
        at === undefined ? (entry.date?.raw ?? '') : origin === undefined ? '' : formatOffsetFrom(at, origin);
      lines.push(`${when}\t${entry.message}`);
    }
  }
  return lines.join('\n');
}
