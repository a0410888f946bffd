/** The telework security guideline as typed data. The text in shared/guideline/ is the source of truth. */
export * from './types.ts';
export { SECTIONS, section, sectionTitle, sectionLabel, isSectionId } from './sections.ts';
export { RULES, PROHIBITIONS, rule, rulesOf, hasRule } from './rules.ts';
export {
  MATRIX,
  MATRIX_ROWS,
  MATRIX_NOTES,
  APP_NAMES,
  DEVICE_NAMES,
  EDITION_NAMES,
  CELL_VERDICT_NAMES,
  EDITION_DEFINITIONS,
  matrixCell,
  matrixCells,
  matrixNote,
  type MatrixNote,
  type MatrixRow,
  type MatrixNoteText,
} from './matrix.ts';
export { REVISIONS, GUIDELINE_REVISION, GUIDELINE_EDITION, GUIDELINE_TITLE, type Revision } from './revisions.ts';
