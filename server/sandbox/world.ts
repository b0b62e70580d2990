// The tenants behind the sessions: accounts, customers (with parent customers for breadcrumbs) and
// endpoints (agents, queues, phone numbers). Small and derived from the seed alone, so it is rebuilt
// in memory on every start instead of being stored.
import {
  ACCOUNT_NAMES,
  AREA_CODES,
  BRANCHES,
  COMPANY_KINDS,
  COMPANY_STEMS,
  FIRST_NAMES,
  LAST_NAMES,
  QUEUE_NAMES,
} from './names';
import { createRng, hex, int, pick, type Rng } from './prng';

export interface Account {
  id: string;
  name: string;
}

export interface Customer {
  id: string;
  name: string;
  accountId: string;
  /** Root first, this customer last. */
  breadcrumb: { id: string; name: string }[];
  agents: Endpoint[];
  queues: Endpoint[];
  numbers: Endpoint[];
}

export interface Endpoint {
  id: string;
  kind: 'agent' | 'queue' | 'number';
  name: string;
  customerId: string;
  /** E.164 for numbers, a SIP address for agents, empty for queues. */
  address: string;
  /** Agent extension, used in log lines. */
  extension: number;
}

export interface World {
  accounts: Account[];
  customers: Customer[];
  endpoints: Map<string, Endpoint>;
  customerById: Map<string, Customer>;
  accountById: Map<string, Account>;
}

export function phoneNumber(rng: Rng): string {
  return `+1${pick(rng, AREA_CODES)}${int(rng, 201, 989)}${String(int(rng, 0, 9999)).padStart(4, '0')}`;
}

export function personName(rng: Rng): string {
  return `${pick(rng, FIRST_NAMES)} ${pick(rng, LAST_NAMES)}`;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');
}

export function buildWorld(seed: number): World {
  const rng = createRng(seed, 0x3031d);
  const accountCount = int(rng, 2, 3);
  const accounts: Account[] = ACCOUNT_NAMES.slice(0, accountCount).map((name) => ({
    id: hex(rng, 24),
    name,
  }));
  const customers: Customer[] = [];
  const endpoints = new Map<string, Endpoint>();
  const usedNames = new Set<string>();

  const addEndpoint = (customer: Customer, kind: Endpoint['kind'], name: string, address: string) => {
    const endpoint: Endpoint = {
      id: hex(rng, 24),
      kind,
      name,
      customerId: customer.id,
      address,
      extension: int(rng, 100, 899),
    };
    endpoints.set(endpoint.id, endpoint);
    return endpoint;
  };

  for (const account of accounts) {
    const parents = int(rng, 6, 9);
    for (let p = 0; p < parents; p++) {
      let company = `${pick(rng, COMPANY_STEMS)} ${pick(rng, COMPANY_KINDS)}`;
      while (usedNames.has(company)) company = `${pick(rng, COMPANY_STEMS)} ${pick(rng, COMPANY_KINDS)}`;
      usedNames.add(company);
      const parentId = hex(rng, 24);
      const parentCrumb = { id: parentId, name: company };
      const branchCount = int(rng, 0, 3);
      const branchNames = [...BRANCHES].sort(() => rng() - 0.5).slice(0, branchCount);
      const members = [
        { id: parentId, name: company, breadcrumb: [parentCrumb] },
        ...branchNames.map((branch) => {
          const id = hex(rng, 24);
          const name = `${company} - ${branch}`;
          return { id, name, breadcrumb: [parentCrumb, { id, name }] };
        }),
      ];
      for (const member of members) {
        const customer: Customer = { ...member, accountId: account.id, agents: [], queues: [], numbers: [] };
        const domain = `${slug(company)}.evovoice.io`;
        const agentCount = int(rng, 3, 8);
        for (let a = 0; a < agentCount; a++) {
          const name = personName(rng);
          customer.agents.push(addEndpoint(customer, 'agent', name, `sip:${slug(name)}@${domain}`));
        }
        const queueNames = [...QUEUE_NAMES].sort(() => rng() - 0.5).slice(0, int(rng, 1, 3));
        for (const queue of queueNames)
          customer.queues.push(addEndpoint(customer, 'queue', `${queue} Queue`, ''));
        const numberCount = int(rng, 1, 3);
        for (let n = 0; n < numberCount; n++) {
          const label =
            n === 0 ? 'Main Line' : pick(rng, ['Sales Line', 'Support Line', 'Fax Line', 'Text Line']);
          customer.numbers.push(addEndpoint(customer, 'number', `${member.name} ${label}`, phoneNumber(rng)));
        }
        customers.push(customer);
      }
    }
  }
  return {
    accounts,
    customers,
    endpoints,
    customerById: new Map(customers.map((c) => [c.id, c])),
    accountById: new Map(accounts.map((a) => [a.id, a])),
  };
}
