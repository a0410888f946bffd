export type Lang = 'ja' | 'en';

/** A person's language: Japanese first; only an English Teams locale switches to English. */
export function langOf(locale: string | undefined): Lang {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'ja';
}
