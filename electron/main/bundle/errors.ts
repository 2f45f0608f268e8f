// Failures the export dialog and the CLI turn into a sentence for the buyer. Each carries a code the
// renderer can act on (open the form for missing fields, offer a larger limit for oversize exhibits).
import type { FieldError } from '../../../shared/bundle/complaint';
import type { OversizeExhibit } from '../../../shared/bundle/contract';

export type BundleErrorCode =
  | 'invalid-input'
  | 'missing-fields'
  | 'oversize'
  | 'missing-original'
  | 'hash-mismatch'
  | 'font-missing'
  | 'output-exists'
  | 'write-failed';

export interface BundleErrorDetails {
  fields?: FieldError[];
  oversize?: OversizeExhibit[];
  exhibit?: number;
}

export class BundleError extends Error {
  override name = 'BundleError';
  constructor(
    readonly code: BundleErrorCode,
    message: string,
    readonly details: BundleErrorDetails = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
