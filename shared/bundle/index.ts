// Public API of the bundle plan: pure functions the renderer (export dialog, reason editor), main
// (the PDF writer) and the CLI share.
export type { BundleCase, BundleEvent, BundleEvidence, BundleField, BundleInput, BundleTarget, Complainant, Respondent } from './types';
export { BUNDLE_TARGETS, DEFAULT_SIZE_LIMIT, MB, SIZE_LIMITS } from './types';
export {
  APP_LABELS,
  CAPTURE_SOURCE_LABELS,
  DEFAULT_PURPOSES,
  FIELD_LABELS,
  ISSUE_LABELS,
  KIND_LABELS,
  PLATFORM_LABELS,
  TARGET_LABELS,
  chineseDateTime,
  durationText,
  exhibitLabel,
  issueLabel,
  issueTypeOf,
  localText,
  platformLabel,
  sizeText,
} from './labels';
export { EVIDENCE_CHECKLISTS, evidenceChecklist, matches } from './checklist';
export type { ChecklistEntry, ChecklistEvidence, ChecklistResult, EvidenceMatcher, EvidenceNeed } from './checklist';
export { stripPrompts, writeReason } from './reason';
export type { ReasonDraft, ReasonGap, ReasonOptions } from './reason';
export { SUBJECTIVE_WORDS, lintReason } from './lint';
export type { LintCode, LintIssue, LintOptions, SubjectiveWord } from './lint';
export { COMPLAINT_FIELDS, COMPLAINT_FIELD_LABELS, blockingErrors, isValidPhone, normalizePhone, validateComplaint } from './complaint';
export type { ComplaintField, FieldError } from './complaint';
export { groupLines, padBox, redactionTargets } from './redact';
export type { RedactionKind, RedactionTarget } from './redact';
export { STAMPS_PER_EXHIBIT, bundleTimeline } from './timeline';
export type { TimelineRow } from './timeline';
export {
  SECTION_KEYS,
  evidencePurpose,
  evidenceSource,
  indexRows,
  pageLine,
  partFileNames,
  partLine,
  partSections,
  sectionTitle,
  splitIntoParts,
} from './plan';
export type { IndexRow, SectionKey, SplitOptions, SplitResult } from './plan';
export { BUNDLE_API_METHODS, bundleInputSchema, bundleSchemas } from './contract';
export type { BundleApi, BundleExportRequest, BundleExportSummary, BundlePreflight, BundlePreflightRequest, OversizeExhibit } from './contract';
