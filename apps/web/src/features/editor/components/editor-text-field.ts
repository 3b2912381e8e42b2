import type { Extension } from '@codemirror/state';
import type { ReactNode } from 'react';

/** The field id of the post's base text; a channel variant's field is the channel's id. */
export const BASE_TEXT_FIELD = 'base';

/** What the editor asks of a text field; the app composes one with the wording review. */
export type EditorTextFieldProps = {
  /** BASE_TEXT_FIELD or a channel id. */
  field: string;
  /** Names the text in a length counter when no channel does (the base text without channels). */
  counterLabel: string;
  label: string;
  hint: string;
  error?: string | null;
  value: string;
  onChange: (value: string) => void;
  readOnly: boolean;
  testId: string;
  extensions?: readonly Extension[];
};

export type RenderTextField = (props: EditorTextFieldProps) => ReactNode;
