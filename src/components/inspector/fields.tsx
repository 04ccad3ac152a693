import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { isInputError, readNumber, type Bound, type InputError } from '../../app/settingsForm';
import type { T } from '../../i18n/translate';
import { useT } from '../../i18n/useT';
import { optionName } from '../../i18n/fieldNames';

/** Applies a new value; returns why it was refused, or null once applied. */
export type Commit = (value: unknown) => InputError | null;

/** The phrase for an input error in the current language. */
export function errorText(error: InputError, t: T): string {
  return 'text' in error ? error.text : t(error.key, error.params);
}

/** Where a field says why its input was refused (announced politely, tied to the input). */
function FieldError({ id, message }: { id: string; message: string | null }) {
  return (
    <p id={id} className="setting__error" aria-live="polite">
      {message}
    </p>
  );
}

interface TextFieldProps {
  label: string;
  /** The value as it is now, shown while the user is not typing. */
  value: string;
  /** Reads the typed text into a value, or says why it cannot be one. */
  parse: (text: string) => unknown;
  commit: Commit;
  numeric?: boolean;
  placeholder?: string;
}

/**
 * A text or number setting: typing changes nothing until Enter or leaving the field; then the
 * value is checked and applied, or the field says why not and nothing changes. Escape undoes.
 */
export function TextSetting({ label, value, parse, commit, numeric, placeholder }: TextFieldProps) {
  const { t } = useT();
  const id = useId();
  const [draft, setDraftState] = useState<string | null>(null);
  // What was typed last, read by Enter and blur: a key pressed right after typing must not see
  // the render before it (the state variable of that render).
  const typed = useRef<string | null>(null);
  const setDraft = (v: string | null) => {
    typed.current = v;
    setDraftState(v);
  };
  const [error, setError] = useState<string | null>(null);
  const apply = () => {
    const draft = typed.current;
    if (draft === null || draft === value) {
      setDraft(null);
      setError(null);
      return;
    }
    const parsed = parse(draft);
    const refused = isInputError(parsed) ? parsed : commit(parsed);
    if (refused) {
      setError(t('inputRejected', { field: label, reason: errorText(refused, t) }));
      return;
    }
    setDraft(null);
    setError(null);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') apply();
    else if (e.key === 'Escape') {
      setDraft(null);
      setError(null);
    }
  };
  return (
    <div className="setting">
      <label className="setting__label" htmlFor={`${id}-in`}>
        {label}
      </label>
      <input
        id={`${id}-in`}
        className={`setting__input${error ? ' setting__input--bad' : ''}`}
        type="text"
        inputMode={numeric ? 'decimal' : undefined}
        autoComplete="off"
        spellCheck={false}
        value={draft ?? value}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-err`}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={apply}
        onKeyDown={onKeyDown}
      />
      <FieldError id={`${id}-err`} message={error} />
    </div>
  );
}

/** A number setting with the schema's bounds. */
export function NumberSetting(props: {
  label: string; value: number | undefined; int: boolean; min?: Bound; max?: Bound; commit: Commit; notSet: string; optional?: boolean;
}) {
  const { label, value, int, min, max, commit, notSet, optional } = props;
  return (
    <TextSetting
      label={label}
      value={value === undefined ? '' : String(value)}
      // An emptied optional field unsets the setting (a timeout back to none).
      parse={(text) => (optional && text.trim() === '' ? undefined : readNumber(text, { int, min, max }))}
      commit={commit}
      numeric
      placeholder={notSet}
    />
  );
}

/** A choice among named values, applied as soon as it is picked. */
export function ChoiceSetting({ label, value, options, commit }: { label: string; value: string; options: readonly string[]; commit: Commit }) {
  const { t, lang } = useT();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="setting">
      <label className="setting__label" htmlFor={`${id}-in`}>
        {label}
      </label>
      <select
        id={`${id}-in`}
        className="select select--small setting__select"
        value={value}
        aria-describedby={`${id}-err`}
        onChange={(e) => {
          const refused = commit(e.target.value);
          setError(refused ? t('inputRejected', { field: label, reason: errorText(refused, t) }) : null);
        }}
      >
        {options.map((o) => (
          <option key={o} value={o}>
            {optionName(o, lang)}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-err`} message={error} />
    </div>
  );
}

/** An on/off setting, applied as soon as it is toggled. */
export function FlagSetting({ label, value, commit }: { label: string; value: boolean; commit: Commit }) {
  const { t } = useT();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="setting setting--flag">
      <input
        id={`${id}-in`}
        type="checkbox"
        className="setting__check"
        checked={value}
        aria-describedby={`${id}-err`}
        onChange={(e) => {
          const refused = commit(e.target.checked);
          setError(refused ? t('inputRejected', { field: label, reason: errorText(refused, t) }) : null);
        }}
      />
      <label className="setting__label" htmlFor={`${id}-in`}>
        {label}
      </label>
      <FieldError id={`${id}-err`} message={error} />
    </div>
  );
}
