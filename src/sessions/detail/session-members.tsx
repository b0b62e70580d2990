import { Fragment, useState } from 'react';
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

function Text({ value, mono }: { value: string | undefined; mono?: boolean }) {
  if (value === undefined || value === '') return <span className="muted">—</span>;
  return (
    <span dir="auto" className={mono ? 'mono' : undefined}>
      {value}
    </span>
  );
}

/** The session's members, with each one's application data as a key/value table under its row. */
export function SessionMembers({ members }: { members: SessionMember[] }) {
  if (members.length === 0) return <p className="muted">No members.</p>;
  return (
    <table className="members-table" aria-label="Members">
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
                  <Text value={m.displayName} />
                </th>
                <td>
                  <Text value={m.identity} mono />
                  {(m.endpointId || m.callSid) && (
                    <span className="member-ids">
                      {m.endpointId && (
                        <span>
                          Endpoint <Text value={m.endpointId} mono />
                        </span>
                      )}
                      {m.callSid && (
                        <span>
                          Call SID <Text value={m.callSid} mono />
                        </span>
                      )}
                    </span>
                  )}
                </td>
                <td>
                  <Text value={m.role} />
                </td>
                <td>
                  <Text value={m.callState} />
                </td>
                <td>
                  <Text value={yesNo(m.muted)} />
                </td>
                <td>
                  <Text value={yesNo(m.isOriginalMember)} />
                </td>
              </tr>
              {m.applicationData.length > 0 && (
                <tr className="member-appdata-row">
                  <td />
                  <td colSpan={6}>
                    <table className="appdata-table">
                      <caption dir="auto">Application data of {name}</caption>
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
                              {key}
                            </th>
                            <td dir="auto" className="mono">
                              {value}
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
