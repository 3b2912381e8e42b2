import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../../../lib/i18n/i18n-context';
import {
  insertMention,
  matchMembers,
  mentionQueryAt,
  type MemberOption,
  type MentionQuery,
} from '../utils/mention-query';

type MentionTextareaProps = {
  value: string;
  onChange: (value: string) => void;
  members: readonly MemberOption[];
  label: string;
  placeholder?: string;
  disabled?: boolean;
  autoFocus?: boolean;
  /** Ctrl/Cmd+Enter sends. */
  onSubmit?: () => void;
  testId?: string;
};

/**
 * A comment field with @mention autocomplete: typing "@" and letters lists matching members
 * (a combobox: arrows move, Enter or Tab picks, Escape closes) and picking writes "@Full Name",
 * which the server recognises as a mention.
 */
export function MentionTextarea({
  value,
  onChange,
  members,
  label,
  placeholder,
  disabled = false,
  autoFocus = false,
  onSubmit,
  testId,
}: MentionTextareaProps) {
  const { t } = useI18n();
  const listId = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [query, setQuery] = useState<MentionQuery | null>(null);
  const [active, setActive] = useState(0);
  const [closedAt, setClosedAt] = useState<number | null>(null);

  const options = useMemo(
    () => (query ? matchMembers(members, query.query) : []),
    [members, query],
  );
  const open = query !== null && options.length > 0 && closedAt !== query.start;
  const current = open ? options[Math.min(active, options.length - 1)] : undefined;

  const track = (text: string, caret: number) => {
    const next = mentionQueryAt(text, caret);
    setQuery(next);
    if (next?.start !== query?.start) setActive(0);
  };

  const pick = (member: MemberOption) => {
    if (!query) return;
    const result = insertMention(value, query, member.name);
    onChange(result.text);
    setQuery(null);
    requestAnimationFrame(() => {
      ref.current?.focus();
      ref.current?.setSelectionRange(result.caret, result.caret);
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (open && current) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActive((i) => (i + step + options.length) % options.length);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        pick(current);
        return;
      }
      if (event.key === 'Escape') {
        // Closes the list, not the dialog around it.
        event.preventDefault();
        event.stopPropagation();
        event.nativeEvent.stopImmediatePropagation();
        setClosedAt(query?.start ?? null);
        return;
      }
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && onSubmit) {
      event.preventDefault();
      onSubmit();
    }
  };

  return (
    <div className="mention-field">
      <textarea
        ref={ref}
        aria-label={label}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        aria-activedescendant={current ? `${listId}-${current.userId}` : undefined}
        value={value}
        placeholder={placeholder}
        disabled={disabled}
        autoFocus={autoFocus}
        rows={3}
        maxLength={5000}
        data-testid={testId}
        onChange={(e) => {
          onChange(e.target.value);
          track(e.target.value, e.target.selectionStart);
        }}
        onSelect={(e) => track(e.currentTarget.value, e.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
        onBlur={() => setQuery(null)}
      />
      {open && (
        <ul
          id={listId}
          role="listbox"
          className="mention-field__list"
          aria-label={t('comments.mentions.label')}
        >
          {options.map((member) => (
            <li
              key={member.userId}
              id={`${listId}-${member.userId}`}
              role="option"
              aria-selected={member === current}
              className="mention-field__option"
              // mousedown, not click: the textarea must not lose the caret first.
              onMouseDown={(e) => {
                e.preventDefault();
                pick(member);
              }}
            >
              <span className="mention-field__name">{member.name}</span>
              {member.email && <span className="mention-field__email">{member.email}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
