import type { Mirror } from '../../i18n/mirror';
import type { zhTimes } from './zh.times';

export const enTimes = {
  trust: { trusted: 'trusted', weak: 'weak' },
  trustHint: {
    trusted: 'Written by the phone when the screenshot was taken, or set by you',
    weak: 'Changed by copying, transfer or pasting; may not be when the screenshot was taken',
  },
  approxAt: 'about {{at}} ({{from}})',
  approxFrom: { mtime: 'reckoned from the file time', clipboard: 'reckoned from the paste time', import: 'reckoned from the import time', exif: 'reckoned from the capture time', filename: 'reckoned from the capture time', statusbar: 'reckoned from the capture time', user: 'reckoned from the capture time' },
  basis: { shown: 'shown', inferred: 'reckoned from capture time', approx: 'approx.' },
  suspect: 'The capture time may be wrong: a time in the screenshot or its status-bar clock contradicts it. Please check and set the capture time',
  approxTitle: 'Approximate times (not listed as exact)',
  approxHint: 'Reckoned from an unreliable capture time, for reference only; kept ones appear in the timeline and bundle marked “approx.”.',
  keep: 'Keep',
  unkeep: 'Drop',
  afterCapture: 'later than the capture time',
  setCapture: 'Set capture time',
  setCaptureHint: 'The phone gallery’s details show when a screenshot was taken',
  confirmCapture: 'Confirm capture time',
  captureInput: 'Capture time',
  save: 'Save',
  cancel: 'Cancel',
  saved: 'Capture time set; relative times were reckoned again',
  invalid: 'Enter a valid time, not later than now',
  barAgrees: 'Status-bar clock {{time}} matches the capture time',
  barDisagrees: 'Status-bar clock {{time}} does not match the capture time',
  dateFrom: '(date from {{source}})',
} satisfies Mirror<typeof zhTimes>;
