export type Lang = 'ja' | 'en';

/** Japanese first: only an English Teams locale switches the bot to English. */
export function langOf(locale: string | undefined): Lang {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'ja';
}

export type Strings<T> = Record<Lang, T>;
