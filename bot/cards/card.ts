/** Adaptive Card 1.5 is what Teams renders on desktop, web and mobile today. */
export type Card = { type: 'AdaptiveCard'; version: '1.5'; body: unknown[]; actions?: unknown[]; [k: string]: unknown };

export function card(body: unknown[], actions?: unknown[], extra: Record<string, unknown> = {}): Card {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions && actions.length ? { actions } : {}),
    // Full width reads better for tables and long Japanese lines.
    msteams: { width: 'Full' },
    ...extra,
  };
}

export const text = (value: string, opts: Record<string, unknown> = {}) => ({
  type: 'TextBlock',
  text: value,
  wrap: true,
  ...opts,
});

export const heading = (value: string) => text(value, { size: 'Large', weight: 'Bolder', style: 'heading' });

/** One line per item with a bullet character: markdown lists render differently across Teams clients. */
export const bullets = (items: string[]) => ({
  type: 'Container',
  spacing: 'Small',
  items: items.map((i) => text(`・${i}`, { spacing: 'None' })),
});

/** Buttons stacked one per row: long Japanese sample questions do not fit side by side on a phone. */
export const buttonColumn = (actions: unknown[]) =>
  actions.map((action) => ({ type: 'ActionSet', spacing: 'Small', actions: [action] }));

/** A button that posts its title back as if the person had typed it, so it works the same as typing. */
export const askButton = (title: string, question = title) => ({
  type: 'Action.Submit',
  title,
  data: { msteams: { type: 'imBack', value: question } },
});
