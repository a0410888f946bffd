/** Input from outside (Teams activities today, the tab and admin API later), checked and normalised at the edge. */
export * from './text.ts';
export * from './ids.ts';
