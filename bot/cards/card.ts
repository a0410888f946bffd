/**
 * Adaptive Card 1.5, which Teams renders on desktop, web and mobile, typed for the elements this bot uses: a
 * misspelled property or a value Teams does not know is a compile error here, not a blank card on someone's phone.
 * test/cards.test.ts parses every card with the adaptivecards library as well.
 */

export type Spacing = 'None' | 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge' | 'Padding';
export type Color = 'Default' | 'Dark' | 'Light' | 'Accent' | 'Good' | 'Warning' | 'Attention';
export type ContainerStyle = 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';

interface ElementBase {
  id?: string;
  spacing?: Spacing;
  separator?: boolean;
  isVisible?: boolean;
}

export interface TextBlock extends ElementBase {
  type: 'TextBlock';
  text: string;
  wrap?: boolean;
  size?: 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge';
  weight?: 'Lighter' | 'Default' | 'Bolder';
  color?: Color;
  isSubtle?: boolean;
  style?: 'default' | 'heading';
  maxLines?: number;
  horizontalAlignment?: 'Left' | 'Center' | 'Right';
}

export interface Container extends ElementBase {
  type: 'Container';
  items: Element[];
  style?: ContainerStyle;
  bleed?: boolean;
}

export interface Column {
  type: 'Column';
  items: Element[];
  width?: 'auto' | 'stretch' | number;
}

export interface ColumnSet extends ElementBase {
  type: 'ColumnSet';
  columns: Column[];
}

export interface FactSet extends ElementBase {
  type: 'FactSet';
  facts: { title: string; value: string }[];
}

export interface TableCell {
  type: 'TableCell';
  items: Element[];
}

export interface TableRow {
  type: 'TableRow';
  cells: TableCell[];
  style?: ContainerStyle;
}

export interface Table extends ElementBase {
  type: 'Table';
  columns: { width: number }[];
  rows: TableRow[];
  firstRowAsHeaders?: boolean;
  showGridLines?: boolean;
}

export interface ActionSet extends ElementBase {
  type: 'ActionSet';
  actions: Action[];
}

interface InputBase extends ElementBase {
  id: string;
  label?: string;
  isRequired?: boolean;
  errorMessage?: string;
}

export interface TextInput extends InputBase {
  type: 'Input.Text';
  isMultiline?: boolean;
  maxLength?: number;
  placeholder?: string;
}

export interface ToggleInput extends InputBase {
  type: 'Input.Toggle';
  title: string;
  value?: string;
  valueOn?: string;
  valueOff?: string;
  wrap?: boolean;
}

export interface ChoiceSetInput extends InputBase {
  type: 'Input.ChoiceSet';
  choices: { title: string; value: string }[];
  style?: 'compact' | 'expanded' | 'filtered';
  placeholder?: string;
  wrap?: boolean;
  isMultiSelect?: boolean;
  value?: string;
}

export type Element =
  TextBlock | Container | ColumnSet | FactSet | Table | ActionSet | TextInput | ToggleInput | ChoiceSetInput;

interface ActionBase {
  title: string;
  style?: 'default' | 'positive' | 'destructive';
}

export interface SubmitAction extends ActionBase {
  type: 'Action.Submit';
  data?: unknown;
  associatedInputs?: 'auto' | 'none';
}

export interface ExecuteAction extends ActionBase {
  type: 'Action.Execute';
  verb: string;
  data?: unknown;
  associatedInputs?: 'auto' | 'none';
  /** What clients without Universal Actions run instead. */
  fallback?: SubmitAction | 'drop';
}

/** Opens a card inline below the buttons: details a person asks for, without a round trip to the bot. */
export interface ShowCardAction extends ActionBase {
  type: 'Action.ShowCard';
  card: InlineCard;
}

/** The card a ShowCard opens: no version or $schema of its own, it is part of its parent card. */
export interface InlineCard {
  type: 'AdaptiveCard';
  body: Element[];
}

export type Action = SubmitAction | ExecuteAction | ShowCardAction;

export type Card = {
  type: 'AdaptiveCard';
  version: '1.5';
  $schema?: string;
  body: Element[];
  actions?: Action[];
  /** Teams' own extension: full width reads better for tables and long Japanese lines. */
  msteams?: { width?: 'Full' };
};

export function card(body: Element[], actions?: Action[]): Card {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions && actions.length ? { actions } : {}),
    msteams: { width: 'Full' },
  };
}

export const text = (value: string, opts: Omit<TextBlock, 'type' | 'text'> = {}): TextBlock => ({
  type: 'TextBlock',
  text: value,
  wrap: true,
  ...opts,
});

export const heading = (value: string) => text(value, { size: 'Large', weight: 'Bolder', style: 'heading' });

/** One line per item with a bullet character: markdown lists render differently across Teams clients. */
export const bullets = (items: string[]): Container => ({
  type: 'Container',
  spacing: 'Small',
  items: items.map((i) => text(`・${i}`, { spacing: 'None' })),
});

/** Buttons stacked one per row: long Japanese sample questions do not fit side by side on a phone. */
export const buttonColumn = (actions: Action[]): ActionSet[] =>
  actions.map((action) => ({ type: 'ActionSet', spacing: 'Small', actions: [action] }));

/** A button that posts its title back as if the person had typed it, so it works the same as typing. */
export const askButton = (title: string, question = title): SubmitAction => ({
  type: 'Action.Submit',
  title,
  data: { msteams: { type: 'imBack', value: question } },
});
