// A filter by ids (accounts, customers, endpoints) as chips, with name suggestions.
import { ChipInput, type ChipItem } from '../../ui/chip-input';
import { MAX_ID_LENGTH, MAX_IDS } from './session-search';
import { suggestNames, useNameIndex, type NameKind } from './name-suggestions';
import { useSessionSearch, useUpdateSessionSearch } from './use-session-search';
import { withValue } from './with-value';

type IdKey = 'account' | 'customer' | 'endpoint';

export const ID_FIELDS: { key: IdKey; kind: NameKind; label: string; placeholder: string }[] = [
  { key: 'account', kind: 'account', label: 'Accounts', placeholder: 'Name or account id' },
  { key: 'customer', kind: 'customer', label: 'Customers', placeholder: 'Name or customer id' },
  { key: 'endpoint', kind: 'endpoint', label: 'Endpoints', placeholder: 'Name or endpoint id' },
];

export function IdFilter({
  field,
  kind,
  label,
  placeholder,
}: {
  field: IdKey;
  kind: NameKind;
  label: string;
  placeholder: string;
}) {
  const search = useSessionSearch();
  const update = useUpdateSessionSearch();
  const names = useNameIndex()[kind];
  const ids = search[field] ?? [];
  const chips: ChipItem[] = ids.map((value) => ({ value, label: names.get(value) ?? value }));
  const full = ids.length >= MAX_IDS;

  return (
    <ChipInput
      label={label}
      chips={chips}
      placeholder={full ? `At most ${MAX_IDS}` : placeholder}
      maxLength={MAX_ID_LENGTH}
      onAdd={(value) => {
        if (full) return;
        update((s) => {
          const current = s[field] ?? [];
          return current.includes(value) ? s : withValue(s, field, [...current, value]);
        });
      }}
      onRemove={(value) =>
        update((s) =>
          withValue(
            s,
            field,
            (s[field] ?? []).filter((id) => id !== value),
          ),
        )
      }
      suggest={(query) =>
        suggestNames(names, query, ids).map((s) => ({ value: s.id, label: s.name, detail: s.id }))
      }
    />
  );
}
