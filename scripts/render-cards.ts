/**
 * Renders the bot's cards to PNG with the Adaptive Cards JavaScript renderer in headless Chromium, close to
 * Teams' light theme, for the README and for reviewing wording:  npm run render:cards  → docs/cards/*.png
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { answerCard } from '../bot/cards/answer.ts';
import { checkinRenderer } from '../bot/checkin-renderer.ts';
import type { Card } from '../bot/cards/card.ts';
import { checkinCard, checkoutCard, guidanceCard, receiptCard } from '../bot/cards/checkin.ts';
import { helpCard } from '../bot/cards/help.ts';
import { welcomeCard } from '../bot/cards/welcome.ts';
import { helpLines } from '../bot/help.ts';
import { ROUTES } from '../bot/routes.ts';
import { answer } from '../src/answer/answer.ts';
import { evaluateCheckin } from '../src/checkin/index.ts';

const OUT = path.resolve('docs/cards');
const require = createRequire(import.meta.url);
const rendererJs = readFileSync(require.resolve('adaptivecards/dist/adaptivecards.min.js'), 'utf8');

const cards: Record<string, Card> = {
  'welcome-ja': welcomeCard('ja', '山田 花子'),
  'answer-personal-phone-teams-app': answerCard(answer('私用スマホでTeamsアプリ使える？')),
  'answer-personal-pc-outlook': answerCard(answer('個人のPCでOutlookは使える？')),
  'answer-cafe-en': answerCard(answer('Can I work from a café?')),
  // Shows the 読み取った状況 line with a place and a network read from the question.
  'answer-cafe-wifi-ja': answerCard(answer('カフェのフリーWi-Fiで仕事していい？')),
  'answer-unknown': answerCard(answer('有給休暇は何日？')),
  'help-ja': helpCard('ja', helpLines(ROUTES, 'ja')),
  ...checkinSamples(),
};

function checkinSamples(): Record<string, Card> {
  const data = { cardId: '00000000-0000-4000-8000-000000000000', owner: 'sample', localDate: '2026-04-01' };
  const risky = {
    place: 'home',
    network: 'public-wifi',
    device: 'personal-pc',
    access: 'vpn',
    workspace: 'exposed',
    mood: '3',
    note: '',
  };
  const fine = {
    place: 'home',
    network: 'wired',
    device: 'company-pc',
    access: 'vpn',
    workspace: 'private',
    mood: '4',
    talk: 'no',
  };
  return {
    'checkin-ja': checkinCard('ja', data),
    'checkin-first-day-ja': checkinRenderer.render(
      'checkin',
      'ja',
      { ...data, revision: '2026-02-01' },
      { reminder: false, needsPledge: true },
    ).card as Card,
    'checkin-receipt-ja': receiptCard('ja', 'checkin', data.localDate, fine, evaluateCheckin(fine)),
    'checkin-guidance-ja': guidanceCard('ja', evaluateCheckin(risky)),
    'checkout-ja': checkoutCard('ja', data),
  };
}

/** Teams' light theme, approximately: Segoe UI, its text and accent colours, 8px rounding on a white card. */
const hostConfig = {
  fontFamily: '"Segoe UI", "Noto Sans CJK JP", "Yu Gothic UI", system-ui, sans-serif',
  supportsInteractivity: true,
  spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 300, default: 400, bolder: 600 },
  containerStyles: {
    default: {
      backgroundColor: '#FFFFFF',
      foregroundColors: {
        default: { default: '#242424', subtle: '#616161' },
        accent: { default: '#5B5FC7', subtle: '#5B5FC7' },
        good: { default: '#237B4B', subtle: '#237B4B' },
        warning: { default: '#835C00', subtle: '#835C00' },
        attention: { default: '#C4314B', subtle: '#C4314B' },
      },
    },
    accent: { backgroundColor: '#E8EBFA', foregroundColors: { default: { default: '#242424', subtle: '#616161' } } },
  },
  actions: {
    maxActions: 6,
    buttonSpacing: 8,
    actionsOrientation: 'horizontal',
    actionAlignment: 'left',
    showCard: { actionMode: 'inline' },
  },
};

mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 560, height: 400 }, deviceScaleFactor: 2, locale: 'ja-JP' });
  for (const [name, card] of Object.entries(cards)) {
    await page.setContent(`<!doctype html><html lang="ja"><head><meta charset="utf-8"><style>
      body { margin: 0; padding: 16px; background: #F5F5F5; }
      #card { width: 520px; border-radius: 8px; overflow: hidden; box-shadow: 0 1px 2px rgba(0,0,0,.14), 0 0 2px rgba(0,0,0,.12); background: #fff; }
      .ac-pushButton { border: 1px solid #D1D1D1; border-radius: 4px; background: #fff; padding: 5px 12px; font: 600 14px "Segoe UI", "Noto Sans CJK JP", sans-serif; color: #242424; }
      .ac-pushButton:hover { background: #F5F5F5; }
    </style></head><body><div id="card"></div><script>${rendererJs}</script></body></html>`);
    await page.evaluate(
      ({ card, hostConfig }) => {
        const AC = (window as unknown as { AdaptiveCards: any }).AdaptiveCards;
        const adaptive = new AC.AdaptiveCard();
        adaptive.hostConfig = new AC.HostConfig(hostConfig);
        adaptive.parse(card);
        document.getElementById('card')!.appendChild(adaptive.render());
      },
      { card, hostConfig },
    );
    await page.locator('#card').screenshot({ path: path.join(OUT, `${name}.png`) });
    console.log(`docs/cards/${name}.png`);
  }
} finally {
  await browser.close();
}
