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

export const bullets = (items: string[]) => text(items.map((i) => `- ${i}`).join('\r'), { spacing: 'Small' });

/** A button that posts its title back as if the person had typed it, so it works the same as typing. */
export const askButton = (title: string, question = title) => ({
  type: 'Action.Submit',
  title,
  data: { msteams: { type: 'imBack', value: question } },
});
