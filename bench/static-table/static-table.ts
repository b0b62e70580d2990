// The ceiling: 3,000 plain rows of session-like text, no framework, no virtualization.
import { duration } from '../peer-rows';

const heads = [
  'Start',
  'Direction',
  'Channel',
  'From',
  'To',
  'Customer',
  'Endpoint',
  'Answered by',
  'Outcome',
  'Duration',
  'State',
];
const names = ['Ada Park', 'Ben Ortiz', 'Chen Wu', 'Dana Lee', 'Eli Novak', 'Fay Moss', 'Gus Hale'];
const outcomes = ['Answered', 'Voicemail', 'Missed', 'Abandoned', 'Transferred'];

const thead = document.querySelector('thead')!;
const tbody = document.querySelector('tbody')!;
thead.innerHTML = `<tr>${heads.map((h) => `<th>${h}</th>`).join('')}</tr>`;
const rows: string[] = [];
for (let i = 0; i < 3000; i++) {
  const name = names[i % names.length]!;
  const cells = [
    `Nov ${1 + (i % 28)}, ${1 + (i % 12)}:${String(i % 60).padStart(2, '0')} PM`,
    i % 3 ? 'Incoming' : 'Outgoing',
    i % 7 ? 'Voice' : 'Chat',
    `${name} +1503555${String(i % 10000).padStart(4, '0')}`,
    `+1415555${String((i * 7) % 10000).padStart(4, '0')}`,
    `Customer ${i % 40}`,
    `Main line ${i % 9}`,
    names[(i + 3) % names.length]!,
    outcomes[i % outcomes.length]!,
    duration((i % 900) * 1000),
    '',
  ];
  rows.push(`<tr data-row-id="${i}">${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`);
}
tbody.innerHTML = rows.join('');
