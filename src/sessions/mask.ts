// "Mask caller details": a session as it may travel to a ticket or a printout. Phone numbers (7 or
// more digits, with + - . ( ) and spaces allowed between them) keep only their last four digits
// ("•••• 0100"); the caller's name becomes initials ("J. D."). Applied to every text field a
// person reads, log lines and members included; ids, dates and states stay as they are.
// Plain code, no React and no DOM: the drawer, the print view and the copied summary share it.
import type { Session, SessionMember } from './api/session';

// Not inside a longer word or id (a call SID's hex digits are not a phone number).
const PHONE = /(?<![\p{L}\p{N}_])\+?\(?\d(?:[ ()+.-]*\d){6,}(?![\p{L}\p{N}_])/gu;

/** "•••• 0100" for one phone number. */
export function maskPhoneNumber(number: string): string {
  const digits = number.replace(/\D/g, '');
  return `•••• ${digits.slice(-4)}`;
}

/** "J. D." for "Jane Doe": the first letter or digit of up to three words. */
export function nameInitials(name: string): string {
  const words = name.match(/[\p{L}\p{N}]+/gu) ?? [];
  const letters = words.slice(0, 3).map((w) => `${[...w][0]?.toUpperCase() ?? ''}.`);
  return letters.join(' ') || '•';
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A text masker for one session: its caller names (longest first, so "Jane Doe" is replaced before
 * "Jane") become initials, then phone numbers lose all but their last four digits.
 */
export function textMasker(callerNames: readonly string[]): (text: string) => string {
  const names = [...new Set(callerNames.map((n) => n.trim()))]
    // A name without a letter is a number or an address: the phone rule handles it.
    .filter((n) => n.length >= 2 && /\p{L}/u.test(n))
    .sort((a, b) => b.length - a.length);
  const byName = names.length ? new RegExp(names.map(escapeRegExp).join('|'), 'gu') : undefined;
  const initials = new Map(names.map((n) => [n, nameInitials(n)]));
  return (text) => {
    const named = byName ? text.replace(byName, (n) => initials.get(n) ?? nameInitials(n)) : text;
    return named.replace(PHONE, maskPhoneNumber);
  };
}

/** The names of the session's caller: its from name, display name, and members in the Caller role. */
export function callerNames(s: Session): string[] {
  const names = [s.fromName, s.displayName];
  for (const m of s.members) if (m.role === 'Caller') names.push(m.displayName);
  return names.filter((n): n is string => !!n);
}

/** The session with its caller's details masked in every field a person reads. */
export function maskSession(s: Session): Session {
  const mask = textMasker(callerNames(s));
  const m = (v: string | undefined) => (v === undefined ? undefined : mask(v));
  const member = (x: SessionMember): SessionMember => ({
    ...x,
    identity: m(x.identity),
    displayName: m(x.displayName),
    applicationData: x.applicationData.map(([k, v]) => [k, mask(v)]),
  });
  return {
    ...s,
    fromName: m(s.fromName),
    displayName: m(s.displayName),
    fromAddress: m(s.fromAddress),
    fromPhoneNumber: m(s.fromPhoneNumber),
    callbackNumber: m(s.callbackNumber),
    toAddress: m(s.toAddress),
    destination: m(s.destination),
    answeredByName: m(s.answeredByName),
    endpointName: m(s.endpointName),
    consoleData: m(s.consoleData),
    log: s.log.map((e) => ({ ...e, message: mask(e.message) })),
    members: s.members.map(member),
  };
}
