import { Fragment, useState } from 'react';
import { LongText } from '../../ui/long-text';
import type { SessionMember } from '../api/session';
import { initials, safeImageUrl, yesNo } from './session-format';

function Avatar({ member }: { member: SessionMember }) {
  const [failed, setFailed] = useState(false);
  const src = safeImageUrl(member.avatarUrl);
  const name = member.displayName ?? member.identity;
  if (src && !failed) {
    return (
      <img
        className="member-avatar"
        src={src}
        alt={name ? `Avatar of ${name}` : 'Avatar'}
        width={28}
        height={28}
        loading="lazy"
        referrerPolicy="no-referrer"
        onError={() => setFailed(true)}
      />
    );
  }
  return (
    <span className="member-avatar member-initials" aria-hidden="true">
      {initials(name)}
    </span>
  );
}

function Text({
  value,
  mono,
  collapseOver,
}: {
  value: string | undefined;
  mono?: boolean;
  collapseOver?: number;
}) {
  if (value === undefined || value === '') return <span className="muted">—</span>;
  return (
    <span dir="auto" className={mono ? 'mono' : undefined}>
      <LongText text={value} collapseOver={collapseOver} />
    </span>
  );
}

/** The session's members, with each one's application data as a key/value table under its row. */
export function SessionMembers({
  members,
  collapseOver,
}: {
  members: SessionMember[];
  collapseOver?: number;
}) {
  if (members.length === 0) return <p className="muted">No members.</p>;
  return (
    <table className="members-table" aria-label="Members">
      {/* Fixed widths: a 10,000-character name must not crush the short columns to one letter. */}
      <colgroup>
        <col style={{ width: 40 }} />
        <col style={{ width: '20%' }} />
        <col style={{ width: '26%' }} />
        <col />
        <col />
        <col style={{ width: '9%' }} />
        <col style={{ width: '10%' }} />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">
            <span className="visually-hidden">Avatar</span>
          </th>
          <th scope="col">Name</th>
          <th scope="col">Identity</th>
          <th scope="col">Role</th>
          <th scope="col">Call state</th>
          <th scope="col">Muted</th>
          <th scope="col">Original member</th>
        </tr>
      </thead>
      <tbody>
        {members.map((m, i) => {
          const name = m.displayName ?? m.identity ?? `Member ${i + 1}`;
          return (
            <Fragment key={i}>
              <tr className="member-row">
                <td>
                  <Avatar member={m} />
                </td>
                <th scope="row">
                  <Text collapseOver={collapseOver} value={m.displayName} />
                </th>
                <td>
                  <Text collapseOver={collapseOver} value={m.identity} mono />
                  {(m.endpointId || m.callSid) && (
                    <span className="member-ids">
                      {m.endpointId && (
                        <span>
                          Endpoint <Text collapseOver={collapseOver} value={m.endpointId} mono />
                        </span>
                      )}
                      {m.callSid && (
                        <span>
                          Call SID <Text collapseOver={collapseOver} value={m.callSid} mono />
                        </span>
                      )}
                    </span>
                  )}
                </td>
                <td>
                  <Text collapseOver={collapseOver} value={m.role} />
                </td>
                <td>
                  <Text collapseOver={collapseOver} value={m.callState} />
                </td>
                <td>
                  <Text collapseOver={collapseOver} value={yesNo(m.muted)} />
                </td>
                <td>
                  <Text collapseOver={collapseOver} value={yesNo(m.isOriginalMember)} />
                </td>
              </tr>
              {m.applicationData.length > 0 && (
                <tr className="member-appdata-row">
                  <td />
                  <td colSpan={6}>
                    <table className="appdata-table">
                      <caption>
                        Application data of <bdi>{name.length > 200 ? `${name.slice(0, 100)}…` : name}</bdi>
                      </caption>
                      <colgroup>
                        <col style={{ width: '35%' }} />
                        <col />
                      </colgroup>
                      <thead>
                        <tr>
                          <th scope="col">Key</th>
                          <th scope="col">Value</th>
                        </tr>
                      </thead>
                      <tbody>
                        {m.applicationData.map(([key, value], j) => (
                          <tr key={j}>
                            <th scope="row" dir="auto" className="mono">
                              <LongText text={key} collapseOver={collapseOver} />
                            </th>
                            <td dir="auto" className="mono">
                              <LongText text={value} collapseOver={collapseOver} />
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
