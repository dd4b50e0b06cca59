import * as css from '../console.css.ts';

export interface ChoiceFieldProps<T extends string> {
  readonly label: string;
  readonly value: T | '';
  readonly choices: readonly T[];
  /** The words shown for a choice (its message, in the merchant's language). */
  readonly labelOf: (choice: T) => string;
  /** Receives `''` only when there is an `empty` option. */
  readonly onChange: (next: T) => void;
  /** A first option with no value: "Any" in a filter, "Choose…" where a choice is required. */
  readonly empty?: string;
  readonly required?: boolean;
}

/** A labelled drop-down of fixed choices, as every console form uses them. */
export function ChoiceField<T extends string>({
  label,
  value,
  choices,
  labelOf,
  onChange,
  empty,
  required,
}: ChoiceFieldProps<T>) {
  return (
    <label class={css.field}>
      <span>{label}</span>
      <select
        class={css.input}
        value={value}
        required={required}
        onChange={(e) => onChange(e.currentTarget.value as T)}
      >
        {empty === undefined ? null : <option value="">{empty}</option>}
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {labelOf(choice)}
          </option>
        ))}
      </select>
    </label>
  );
}
