/** The daily telework check-in and check-out: questions, validation of submits, evaluation, storage port. */
export * from './questions.ts';
export * from './evaluate.ts';
export * from './validate.ts';
export type * from './store.ts';
