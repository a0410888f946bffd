import type { Lang } from '../src/lang.ts';

export { langOf, type Lang } from '../src/lang.ts';

export type Strings<T> = Record<Lang, T>;
